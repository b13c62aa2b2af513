package io.keygate.analytics.usage.kafka;

import io.keygate.analytics.rollup.ConsumedCall;
import java.util.Objects;

/**
 * What the {@code calls} channel's deserializer made of one record: the call it carries, or why it carries none.
 * Decoding in the deserializer runs on the Kafka poll thread, beside the event loop that counts the calls.
 *
 * @param call       what counting reads of the call record, not yet {@linkplain ConsumedCall#at placed} (the
 *                   deserializer is not told the record's partition and offset), or null when the record is not a
 *                   readable call record
 * @param unreadable why the record is not a readable call record (never its content), or null
 */
public record ReadCall(ConsumedCall call, String unreadable) {

    public ReadCall {
        if ((call == null) == (unreadable == null)) {
            throw new IllegalArgumentException("Exactly one of call and unreadable");
        }
    }

    static ReadCall of(ConsumedCall call) {
        return new ReadCall(Objects.requireNonNull(call, "call"), null);
    }

    static ReadCall unreadable(String reason) {
        return new ReadCall(null, reason);
    }
}
