package io.keygate.events.canonical;

import static io.keygate.events.canonical.NotCanonicalException.requireCanonical;

import io.keygate.events.EventCodec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The attributes of a binary-mode CloudEvent read straight from its Kafka record's headers, for records in exactly the
 * shape Keygate's producers write: CloudEvents 1.0, JSON data, the attributes and extensions {@link EventCodec} sets,
 * each once and in canonical form ({@link CanonicalText}): headers the CloudEvents SDK and {@code EventCodec} read to
 * the same attributes without error (whether the data fits its type is the caller's to check). Any other headers are
 * {@linkplain NotCanonicalException not canonical} and the record is left to them.
 */
public final class CanonicalAttributes {

    private static final String CE_PREFIX = "ce_";
    private static final String CONTENT_TYPE = "content-type";
    private static final byte[] SPEC_VERSION_1 = "1.0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] JSON = EventCodec.CONTENT_TYPE.getBytes(StandardCharsets.US_ASCII);

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
    private static final int ACTOR = 1 << 10;
    private static final int CLIENT_IP = 1 << 11;
    private static final int DATA_CONTENT_TYPE = 1 << 12;
    /** The attributes without which the general reader refuses an event. */
    private static final int REQUIRED = SPEC_VERSION | ID | SOURCE | TYPE | TIME;

    private final byte[] type;
    private final long sequence;

    private CanonicalAttributes(byte[] type, long sequence) {
        this.type = type;
        this.sequence = sequence;
    }

    /** The attributes of a record's headers, if they are canonical. */
    public static CanonicalAttributes read(Headers headers) throws NotCanonicalException {
        int seen = 0;
        byte[] type = null;
        long sequence = 0;
        for (Header header : headers) {
            String name = header.key();
            int attribute;
            if (name.equals(CONTENT_TYPE)) {
                attribute = DATA_CONTENT_TYPE;
                requireCanonical(Arrays.equals(JSON, header.value()));
            } else if (name.startsWith(CE_PREFIX)) {
                attribute = attributeOf(name);
                byte[] value = header.value();
                requireCanonical(value != null);
                switch (attribute) {
                    case SPEC_VERSION -> requireCanonical(Arrays.equals(SPEC_VERSION_1, value));
                    case ID -> requireCanonical(CanonicalText.isCanonicalUuid(value));
                    case SOURCE -> requireCanonical(CanonicalText.isCanonicalSource(value));
                    case TYPE -> type = value;
                    case TIME -> CanonicalText.instantMicros(new String(value, StandardCharsets.ISO_8859_1));
                    case SEQUENCE -> sequence = CanonicalText.sequence(value);
                    default -> {
                        // subject, tenant, correlation, causation, actor and client address: any text.
                    }
                }
            } else {
                // Not a CloudEvents header (e.g. tracing): the general reader ignores it too.
                continue;
            }
            requireCanonical((seen & attribute) == 0);
            seen |= attribute;
        }
        requireCanonical((seen & REQUIRED) == REQUIRED);
        return new CanonicalAttributes(type, sequence);
    }

    /** Whether the record's {@code ce_type} is the type whose US-ASCII bytes are {@code expected}. */
    public boolean hasType(byte[] expected) {
        return Arrays.equals(type, expected);
    }

    /** The aggregate sequence ({@code 0} when absent, as {@code EventCodec} reads it). */
    public long sequence() {
        return sequence;
    }

    private static int attributeOf(String header) throws NotCanonicalException {
        return switch (header) {
            case "ce_specversion" -> SPEC_VERSION;
            case "ce_id" -> ID;
            case "ce_source" -> SOURCE;
            case "ce_type" -> TYPE;
            case "ce_time" -> TIME;
            case "ce_" + EventCodec.EXT_SEQUENCE -> SEQUENCE;
            case "ce_subject" -> SUBJECT;
            case "ce_" + EventCodec.EXT_TENANT -> TENANT;
            case "ce_" + EventCodec.EXT_CORRELATION -> CORRELATION;
            case "ce_" + EventCodec.EXT_CAUSATION -> CAUSATION;
            case "ce_" + EventCodec.EXT_ACTOR -> ACTOR;
            case "ce_" + EventCodec.EXT_CLIENT_IP -> CLIENT_IP;
            default -> throw NotCanonicalException.INSTANCE;
        };
    }
}
