package io.keygate.gateway.calls;

import io.keygate.events.call.CallRecorded;
import io.keygate.gateway.check.CallContext;

/** Turns a finished call into its {@link CallRecorded} event. */
public final class CallRecords {

    private CallRecords() {}

    /** The record of {@code call}, handled by gateway replica {@code gatewayId}. */
    public static CallRecorded of(CallContext call, String gatewayId) {
        return new CallRecorded(
                call.requestId(),
                gatewayId,
                call.tenantId(),
                call.route() == null ? null : call.route().routeId(),
                call.caller() == null ? null : call.caller().credentialId(),
                call.caller() == null ? null : call.caller().applicationId(),
                call.method(),
                call.path(),
                call.status(),
                call.outcome(),
                call.elapsedMicros(),
                call.bytesIn(),
                call.bytesOut(),
                call.clientIp(),
                call.receivedAt());
    }
}
