package io.keygate.analytics.usage.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.analytics.usage.SampleCalls;
import io.keygate.events.call.CallOutcome;
import io.keygate.events.call.CallRecorded;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SharedIdsTest {

    private static final Instant AT = Instant.parse("2026-12-06T10:15:30Z");

    private final SharedIds ids = new SharedIds();

    @Test
    void callsNamingEqualIdsGetOneInstanceOfEachAndAreOtherwiseUnchanged() {
        CallRecorded first = ids.share(call(new String("key-1"), new String("10.0.0.7")));
        CallRecorded original = call(new String("key-1"), new String("10.0.0.7"));
        CallRecorded second = ids.share(original);

        assertThat(second).isEqualTo(original);
        assertThat(second.tenantId()).isSameAs(first.tenantId());
        assertThat(second.applicationId()).isSameAs(first.applicationId());
        assertThat(second.keyId()).isSameAs(first.keyId());
        assertThat(second.routeId()).isSameAs(first.routeId());
        assertThat(second.clientIp()).isSameAs(first.clientIp());
    }

    @Test
    void absentIdsStayAbsent() {
        CallRecorded call = new CallRecorded(
                "req-1", "gw-1", "t-1", null, null, null, "GET", "/", 404, CallOutcome.NO_ROUTE, 1, 0, 0, null, AT);

        assertThat(ids.share(call)).isEqualTo(call);
    }

    @Test
    void pastItsBoundTheTableStartsOverAndCallsKeepTheirIds() {
        for (int i = 0; i <= SharedIds.MAX_SHARED_IDS; i++) {
            assertThat(ids.share(call("key-" + i, "10.0.0.1")).keyId()).isEqualTo("key-" + i);
        }
        CallRecorded after = ids.share(call(new String("key-7"), "10.0.0.1"));
        assertThat(ids.share(call(new String("key-7"), "10.0.0.1")).keyId()).isSameAs(after.keyId());
    }

    private static CallRecorded call(String keyId, String clientIp) {
        return SampleCalls.withApplication(
                SampleCalls.call("tenant-1", keyId, "rt-1", AT, 200, 10, 20, 1234, clientIp), "app-1");
    }
}
