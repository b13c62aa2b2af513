package io.keygate.gateway.proxy;

import io.keygate.events.call.CallOutcome;
import io.keygate.events.call.CallRecorded;
import io.keygate.gateway.calls.CallRecordPublisher;
import io.keygate.gateway.calls.CallRecords;
import io.keygate.gateway.check.CallContext;
import io.keygate.gateway.metrics.GatewayMetrics;

/** Ends a call exactly once, whatever ended it: counts it and publishes its call record. */
final class CallFinisher {

    /** Status recorded when the client went away before it got an answer (nginx's convention). */
    static final int CLIENT_CLOSED_REQUEST = 499;

    private final GatewayMetrics metrics;
    private final CallRecordPublisher publisher;
    private final String gatewayId;

    CallFinisher(GatewayMetrics metrics, CallRecordPublisher publisher, String gatewayId) {
        this.metrics = metrics;
        this.publisher = publisher;
        this.gatewayId = gatewayId;
    }

    void finish(CallContext call) {
        if (!call.finish()) {
            return;
        }
        if (call.outcome() == null) {
            // The client closed the connection while the request was being proxied.
            call.answered(CallOutcome.CLIENT_CLOSED, CLIENT_CLOSED_REQUEST);
        }
        CallRecorded record = CallRecords.of(call, gatewayId);
        metrics.requestHandled(record.outcome(), record.durationMicros());
        publisher.publish(record);
    }
}
