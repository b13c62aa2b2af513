package io.keygate.gateway.state.decode;

import io.keygate.events.canonical.CanonicalAttributes;
import io.keygate.events.canonical.NotCanonicalException;
import io.keygate.gateway.state.EnforcedKey;
import java.util.List;
import org.apache.kafka.common.header.Headers;

/**
 * Reads API-key events straight from a Kafka record (binary-mode CloudEvent headers and JSON data) into what the
 * gateway enforces, without building the CloudEvent, the envelope, the event record or the key's full state: on a
 * cold start with a million keys, that building was most of the state consumer's time and garbage.
 *
 * <p>It reads only records in exactly the shape Keygate's producers write: CloudEvents 1.0 in binary mode with the
 * attributes {@code EventCodec} sets, in canonical form, and data as {@code EventCodec} writes it. For any other record
 * — another event type, a structured-mode or unusual CloudEvent, a malformed one — it answers null, and the caller
 * reads the record the general way (CloudEvents SDK, then {@code EventCodec}), so such records are applied, ignored or
 * counted as unreadable exactly as before. What it accepts, the general way would read to the same key state.
 *
 * <p>Not thread-safe: one per consumer thread.
 */
public final class TokenEventDecoder {

    private final List<TokenEventShape> shapes = TokenEventShape.all();

    /**
     * The key state a record carries, or null when this decoder does not read the record (see the class comment);
     * a tombstone (null value) is not read either.
     */
    public DecodedKeyEvent decode(Headers headers, byte[] value) {
        if (value == null || value.length == 0) {
            return null;
        }
        try {
            CanonicalAttributes attributes = CanonicalAttributes.read(headers);
            EnforcedKey key = ApiKeyJsonReader.read(value, shapeOf(attributes));
            return new DecodedKeyEvent(attributes.sequence(), key);
        } catch (NotCanonicalException e) {
            return null;
        }
    }

    private TokenEventShape shapeOf(CanonicalAttributes attributes) throws NotCanonicalException {
        for (TokenEventShape shape : shapes) {
            if (shape.hasType(attributes)) {
                return shape;
            }
        }
        throw NotCanonicalException.INSTANCE;
    }
}
