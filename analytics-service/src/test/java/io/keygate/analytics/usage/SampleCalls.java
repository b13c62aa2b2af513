package io.keygate.analytics.usage;

import io.keygate.analytics.rollup.ConsumedCall;
import io.keygate.events.EventEnvelope;
import io.keygate.events.call.CallOutcome;
import io.keygate.events.call.CallRecorded;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Builds call records as the gateway publishes them. */
public final class SampleCalls {

    private SampleCalls() {}

    /** A tenant id no other test uses. */
    public static String uniqueTenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A key id no other test uses. */
    public static String uniqueKey() {
        return "key_" + UUID.randomUUID().toString().replace("-", "");
    }

    public static CallRecorded call(String tenant, String keyId, Instant at, int status, long bytesIn, long bytesOut) {
        return call(tenant, keyId, "rt_1", at, status, bytesIn, bytesOut, 900, "127.0.0.1");
    }

    /** A call with every dimension and measure given. */
    public static CallRecorded call(
            String tenant,
            String keyId,
            String routeId,
            Instant at,
            int status,
            long bytesIn,
            long bytesOut,
            long durationMicros,
            String clientIp) {
        CallOutcome outcome = status == 401 ? CallOutcome.REVOKED_KEY : CallOutcome.PROXIED;
        return new CallRecorded(
                "req-" + UUID.randomUUID(),
                "gw-1",
                tenant,
                routeId,
                keyId,
                null,
                "POST",
                "/orders",
                status,
                outcome,
                durationMicros,
                bytesIn,
                bytesOut,
                clientIp,
                at);
    }

    /** The same call, made with a credential of {@code applicationId}. */
    public static CallRecorded withApplication(CallRecorded call, String applicationId) {
        return new CallRecorded(
                call.requestId(),
                call.gatewayId(),
                call.tenantId(),
                call.routeId(),
                call.keyId(),
                applicationId,
                call.method(),
                call.path(),
                call.status(),
                call.outcome(),
                call.durationMicros(),
                call.bytesIn(),
                call.bytesOut(),
                call.clientIp(),
                call.receivedAt());
    }

    /** The calls as read one after the other from partition 0, from offset 0. */
    public static List<ConsumedCall> consumed(List<CallRecorded> calls) {
        List<ConsumedCall> consumed = new ArrayList<>(calls.size());
        for (int i = 0; i < calls.size(); i++) {
            consumed.add(new ConsumedCall(0, i, calls.get(i)));
        }
        return consumed;
    }

    public static EventEnvelope<CallRecorded> envelope(CallRecorded call) {
        return EventEnvelope.create("/edge-gateway", 0, call.receivedAt(), call.requestId(), null, call);
    }
}
