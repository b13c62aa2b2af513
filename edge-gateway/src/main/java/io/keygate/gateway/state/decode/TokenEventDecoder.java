package io.keygate.gateway.state.decode;

import io.keygate.gateway.state.EnforcedKey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.header.Header;
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

    private static final String CE_PREFIX = "ce_";
    private static final String CONTENT_TYPE = "content-type";
    private static final byte[] SPEC_VERSION_1 = "1.0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] JSON = "application/json".getBytes(StandardCharsets.US_ASCII);

    private static final int SPEC_VERSION = 1;
    private static final int ID = 1 << 1;
    private static final int SOURCE = 1 << 2;
    private static final int TYPE = 1 << 3;
    private static final int TIME = 1 << 4;
    private static final int SEQUENCE = 1 << 5;
    private static final int SUBJECT = 1 << 6;
    private static final int TENANT = 1 << 7;
    private static final int CORRELATION = 1 << 8;
    private static final int CAUSATION = 1 << 9;
    private static final int DATA_CONTENT_TYPE = 1 << 10;
    /** The attributes without which the general reader refuses an event. */
    private static final int REQUIRED = SPEC_VERSION | ID | SOURCE | TYPE | TIME;

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
            Attributes attributes = readAttributes(headers);
            EnforcedKey key = ApiKeyJsonReader.read(value, attributes.shape);
            return new DecodedKeyEvent(attributes.sequence, key);
        } catch (NotCanonicalException e) {
            return null;
        }
    }

    private record Attributes(TokenEventShape shape, long sequence) {}

    private Attributes readAttributes(Headers headers) throws NotCanonicalException {
        int seen = 0;
        TokenEventShape shape = null;
        long sequence = 0;
        for (Header header : headers) {
            String name = header.key();
            int attribute;
            if (name.equals(CONTENT_TYPE)) {
                attribute = DATA_CONTENT_TYPE;
                expect(Arrays.equals(JSON, header.value()));
            } else if (name.startsWith(CE_PREFIX)) {
                attribute = attributeOf(name);
                byte[] value = header.value();
                expect(value != null);
                switch (attribute) {
                    case SPEC_VERSION -> expect(Arrays.equals(SPEC_VERSION_1, value));
                    case ID -> expect(CanonicalText.isCanonicalUuid(value));
                    case SOURCE -> expect(CanonicalText.isCanonicalSource(value));
                    case TYPE -> shape = shapeOf(value);
                    case TIME -> CanonicalText.instantMicros(new String(value, StandardCharsets.ISO_8859_1));
                    case SEQUENCE -> sequence = CanonicalText.sequence(value);
                    default -> {
                        // subject, tenant, correlation and causation: any text, not used by the gateway.
                    }
                }
            } else {
                // Not a CloudEvents header (e.g. tracing): the general reader ignores it too.
                continue;
            }
            expect((seen & attribute) == 0);
            seen |= attribute;
        }
        expect((seen & REQUIRED) == REQUIRED);
        return new Attributes(shape, sequence);
    }

    private static int attributeOf(String header) throws NotCanonicalException {
        return switch (header) {
            case "ce_specversion" -> SPEC_VERSION;
            case "ce_id" -> ID;
            case "ce_source" -> SOURCE;
            case "ce_type" -> TYPE;
            case "ce_time" -> TIME;
            case "ce_sequence" -> SEQUENCE;
            case "ce_subject" -> SUBJECT;
            case "ce_tenantid" -> TENANT;
            case "ce_correlationid" -> CORRELATION;
            case "ce_causationid" -> CAUSATION;
            default -> throw NotCanonicalException.INSTANCE;
        };
    }

    private TokenEventShape shapeOf(byte[] type) throws NotCanonicalException {
        for (TokenEventShape shape : shapes) {
            if (shape.hasType(type)) {
                return shape;
            }
        }
        throw NotCanonicalException.INSTANCE;
    }

    private static void expect(boolean canonical) throws NotCanonicalException {
        if (!canonical) {
            throw NotCanonicalException.INSTANCE;
        }
    }
}
