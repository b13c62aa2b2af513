package io.keygate.analytics.usage;

import static io.keygate.analytics.usage.SampleCalls.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keygate.events.EventEnvelope;
import io.keygate.events.call.CallRecorded;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageRollupTest {

    private static final Instant M0 = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void callsAreSummedPerTenantKeyAndMinute() {
        List<KeyMinuteUsage> rows = UsageRollup.rollUp(List.of(
                call("acme", "k2", M0.plusSeconds(5), 200, 10, 100),
                call("acme", "k1", M0.plusSeconds(59), 404, 1, 2),
                call("acme", "k1", M0.plusSeconds(1), 200, 3, 4),
                call("acme", "k1", M0.plusSeconds(60), 503, 5, 6)));

        assertThat(rows)
                .containsExactly(
                        new KeyMinuteUsage("acme", "k1", M0, 2, 1, 4, 6),
                        new KeyMinuteUsage("acme", "k1", M0.plusSeconds(60), 1, 1, 5, 6),
                        new KeyMinuteUsage("acme", "k2", M0, 1, 0, 10, 100));
    }

    @Test
    void anErrorIsAStatusOfFourHundredOrMore() {
        assertThat(UsageRollup.isError(call("acme", "k1", M0, 399, 0, 0))).isFalse();
        assertThat(UsageRollup.isError(call("acme", "k1", M0, 400, 0, 0))).isTrue();
        assertThat(UsageRollup.isError(call("acme", "k1", M0, 502, 0, 0))).isTrue();
    }

    @Test
    void onlyCallsWithAKeyAndATenantAreCountedPerKey() {
        assertThat(UsageRollup.isCountedPerKey(call("acme", "k1", M0, 200, 0, 0)))
                .isTrue();
        assertThat(UsageRollup.isCountedPerKey(call("acme", null, M0, 404, 0, 0)))
                .isFalse();
        assertThat(UsageRollup.isCountedPerKey(call(null, "k1", M0, 401, 0, 0))).isFalse();
        assertThatThrownBy(() -> UsageRollup.rollUp(List.of(call("acme", null, M0, 404, 0, 0))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCallDeliveredTwiceInOneBatchIsKeptOnce() {
        EventEnvelope<CallRecorded> first = SampleCalls.envelope(call("acme", "k1", M0, 200, 0, 0));
        EventEnvelope<CallRecorded> other = SampleCalls.envelope(call("acme", "k1", M0, 200, 0, 0));

        assertThat(UsageRollup.distinctById(List.of(first, other, first))).containsExactly(first, other);
    }
}
