package io.keygate.analytics.rollup;

import io.keygate.events.call.CallOutcome;
import io.keygate.events.call.CallRecorded;
import java.time.Instant;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A call record as read from its topic and held until its window is written: where it was (partition and offset,
 * which identify it for idempotency) and what counting reads of it. Not the whole {@link CallRecorded}: a window
 * holds tens of thousands of calls for a second or two, across young collections, and the request id, gateway,
 * method and path nobody counts by were most of what each held call kept alive.
 *
 * @param partition      the partition of the calls topic it was read from
 * @param offset         its offset in that partition
 * @param tenantId       tenant the gateway recorded (rolled-up calls have one)
 * @param applicationId  application of the credential presented, or {@code null}
 * @param keyId          credential presented, or {@code null}
 * @param routeId        route matched, or {@code null}
 * @param status         status sent to the client
 * @param outcome        what the gateway did with the call
 * @param durationMicros time from receipt to the answer
 * @param bytesIn        request body bytes
 * @param bytesOut       response body bytes
 * @param clientIp       the client's address, or {@code null}
 * @param receivedAt     when the gateway received it
 */
public record ConsumedCall(
        int partition,
        long offset,
        String tenantId,
        String applicationId,
        String keyId,
        String routeId,
        int status,
        CallOutcome outcome,
        long durationMicros,
        long bytesIn,
        long bytesOut,
        String clientIp,
        Instant receivedAt) {

    /** The partition and offset of a call decoded from a record whose place the decoder is not told. */
    public static final int UNPLACED = -1;

    public ConsumedCall {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** This call, read from {@code partition} at {@code offset}. */
    public ConsumedCall at(int partition, long offset) {
        return new ConsumedCall(
                partition,
                offset,
                tenantId,
                applicationId,
                keyId,
                routeId,
                status,
                outcome,
                durationMicros,
                bytesIn,
                bytesOut,
                clientIp,
                receivedAt);
    }

    /** What counting reads of {@code call}, read from {@code partition} at {@code offset}. */
    public ConsumedCall(int partition, long offset, CallRecorded call) {
        this(partition, offset, call, UnaryOperator.identity());
    }

    /** As {@link #ConsumedCall(int, long, CallRecorded)}, each id (null for none) replaced by {@code ids}'s answer. */
    public ConsumedCall(int partition, long offset, CallRecorded call, UnaryOperator<String> ids) {
        this(
                partition,
                offset,
                ids.apply(call.tenantId()),
                ids.apply(call.applicationId()),
                ids.apply(call.keyId()),
                ids.apply(call.routeId()),
                call.status(),
                call.outcome(),
                call.durationMicros(),
                call.bytesIn(),
                call.bytesOut(),
                ids.apply(call.clientIp()),
                call.receivedAt());
    }
}
