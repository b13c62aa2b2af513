package io.keygate.analytics.usage.kafka;

import io.keygate.analytics.rollup.ConsumedCall;
import java.util.Objects;

/**
 * What the {@code calls} channel's deserializer made of one record: the call it carries, or why it carries none.
 * Decoding in the deserializer runs on the Kafka poll thread, beside the event loop that counts the calls.
 *
 * @param call          what counting reads of the call record, not yet {@linkplain ConsumedCall#at placed} (the
 *                      deserializer is not told the record's partition and offset), or null when the record is not a
 *                      readable call record
 * @param unreadable    why the record is not a readable call record (never its content), or null
 * @param readGenerally whether the record was read the general way (CloudEvents SDK, {@code EventCodec}) because it is
 *                      not in the shape {@link CallRecordReader} reads
 */
public record ReadCall(ConsumedCall call, String unreadable, boolean readGenerally) {

    public ReadCall {
        if ((call == null) == (unreadable == null)) {
            throw new IllegalArgumentException("Exactly one of call and unreadable");
        }
    }

    /** A call read by {@link CallRecordReader}. */
    static ReadCall of(ConsumedCall call) {
        return new ReadCall(Objects.requireNonNull(call, "call"), null, false);
    }

    /** A call read the general way. */
    static ReadCall generally(ConsumedCall call) {
        return new ReadCall(Objects.requireNonNull(call, "call"), null, true);
    }

    /** A record the general way found no call record in. */
    static ReadCall unreadable(String reason) {
        return new ReadCall(null, reason, true);
    }

    /** A record without a value. */
    static ReadCall tombstone() {
        return new ReadCall(null, "no value (tombstone)", false);
    }
}
