package io.keygate.analytics.usage.kafka;

import io.keygate.events.call.CallRecorded;
import java.util.Objects;

/**
 * What the {@code calls} channel's deserializer made of one record: the call it carries, or why it carries none.
 * Decoding in the deserializer runs on the Kafka poll thread, beside the event loop that counts the calls.
 *
 * @param call       the call record, or null when the record is not a readable one
 * @param unreadable why the record is not a readable call record (never its content), or null
 */
public record ReadCall(CallRecorded call, String unreadable) {

    public ReadCall {
        if ((call == null) == (unreadable == null)) {
            throw new IllegalArgumentException("Exactly one of call and unreadable");
        }
    }

    static ReadCall of(CallRecorded call) {
        return new ReadCall(Objects.requireNonNull(call, "call"), null);
    }

    static ReadCall unreadable(String reason) {
        return new ReadCall(null, reason);
    }
}
