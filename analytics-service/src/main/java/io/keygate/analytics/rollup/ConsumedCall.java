package io.keygate.analytics.rollup;

import io.keygate.events.call.CallRecorded;
import java.util.Objects;

/**
 * A call record as read from its topic: where it was (partition and offset, which identify it for idempotency) and
 * what it says.
 *
 * @param partition the partition of the calls topic it was read from
 * @param offset    its offset in that partition
 * @param call      the call
 */
public record ConsumedCall(int partition, long offset, CallRecorded call) {

    public ConsumedCall {
        Objects.requireNonNull(call, "call");
    }
}
