package io.keygate.analytics.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.events.call.CallOutcome;
import io.keygate.events.call.CallRecorded;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConsumedCallTest {

    @Test
    void keepsWhereTheCallWasReadAndEveryFieldCountingReads() {
        Instant at = Instant.parse("2026-12-07T01:02:03.456Z");
        CallRecorded call = new CallRecorded(
                "req-1",
                "gw-1",
                "tenant-1",
                "rt_1",
                "key_1",
                "app_1",
                "GET",
                "/items",
                403,
                CallOutcome.IP_NOT_ALLOWED,
                1_234,
                56,
                78,
                "10.0.0.9",
                at);

        assertThat(new ConsumedCall(2, 40, call))
                .isEqualTo(new ConsumedCall(
                        2,
                        40,
                        "tenant-1",
                        "app_1",
                        "key_1",
                        "rt_1",
                        403,
                        CallOutcome.IP_NOT_ALLOWED,
                        1_234,
                        56,
                        78,
                        "10.0.0.9",
                        at));
    }
}
