package io.keygate.analytics.usage.kafka;

import static io.keygate.events.canonical.NotCanonicalException.requireCanonical;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.keygate.analytics.rollup.ConsumedCall;
import io.keygate.events.EventType;
import io.keygate.events.call.CallOutcome;
import io.keygate.events.call.CallRecorded;
import io.keygate.events.canonical.CanonicalAttributes;
import io.keygate.events.canonical.CanonicalText;
import io.keygate.events.canonical.NotCanonicalException;
import java.io.IOException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.Headers;

/**
 * Reads a call record straight from its Kafka record (binary-mode CloudEvent headers, JSON data) into what counting and
 * detection read of it, without building the CloudEvent, its {@code OffsetDateTime} and {@code URI}, the envelope or
 * the {@link CallRecorded}: the request id, gateway, method and path are skipped unread, the ids come from
 * {@link SharedIds} without a new string once seen. Decoding was most of the poll thread's time and two thirds of the
 * service's garbage (bench/RESULTS.md).
 *
 * <p>It reads only records in exactly the shape Keygate's producers write ({@link CanonicalAttributes}, the data's
 * fields each once with their JSON types, the instant as {@code Instant.toString} writes it). For any other record it
 * answers null and the caller reads the record the general way (CloudEvents SDK, {@code EventCodec}), so unusual and
 * unreadable records are treated exactly as before; what it reads, the general way reads to the same call.
 *
 * <p>Not thread-safe: one per Kafka consumer.
 */
final class CallRecordReader {

    private static final byte[] TYPE = EventType.CALL_RECORDED.type().getBytes(StandardCharsets.US_ASCII);
    private static final CallOutcome[] OUTCOMES = CallOutcome.values();

    private static final int REQUEST_ID = 1;
    private static final int GATEWAY_ID = 1 << 1;
    private static final int TENANT_ID = 1 << 2;
    private static final int ROUTE_ID = 1 << 3;
    private static final int KEY_ID = 1 << 4;
    private static final int APPLICATION_ID = 1 << 5;
    private static final int METHOD = 1 << 6;
    private static final int PATH = 1 << 7;
    private static final int STATUS = 1 << 8;
    private static final int OUTCOME = 1 << 9;
    private static final int DURATION = 1 << 10;
    private static final int BYTES_IN = 1 << 11;
    private static final int BYTES_OUT = 1 << 12;
    private static final int CLIENT_IP = 1 << 13;
    private static final int RECEIVED_AT = 1 << 14;
    /** Far above any call record (a few hundred bytes; the gateway bounds every field it copies from a request). */
    private static final int MAX_DATA_BYTES = 64 * 1024;
    /** The fields the encoders always write. */
    private static final int REQUIRED = REQUEST_ID | STATUS | OUTCOME | DURATION | BYTES_IN | BYTES_OUT | RECEIVED_AT;

    private final JsonFactory json = new JsonFactory();
    private final SharedIds ids;

    CallRecordReader(SharedIds ids) {
        this.ids = ids;
    }

    /** The call a record carries (not yet {@linkplain ConsumedCall#at placed}), or null when this reader does not read it. */
    ConsumedCall read(Headers headers, byte[] data) {
        try {
            // Skipped strings are not decoded, so Jackson's bound on a string's length would not apply to them: a
            // record far larger than any call record is left to the general way, which applies it.
            if (data.length > MAX_DATA_BYTES
                    || !CanonicalAttributes.read(headers).hasType(TYPE)) {
                return null;
            }
            try (JsonParser parser = json.createParser(data)) {
                return read(parser);
            }
        } catch (NotCanonicalException | IOException | RuntimeException e) {
            // Whatever this reader cannot read, the general way reads or reports as unreadable.
            return null;
        }
    }

    private ConsumedCall read(JsonParser parser) throws IOException, NotCanonicalException {
        requireCanonical(parser.nextToken() == JsonToken.START_OBJECT);
        Fields fields = new Fields();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            int field = fieldOf(parser.currentName());
            requireCanonical((fields.seen & field) == 0);
            fields.seen |= field;
            fields.read(field, parser, parser.nextToken());
        }
        requireCanonical(token == JsonToken.END_OBJECT && parser.nextToken() == null);
        requireCanonical((fields.seen & REQUIRED) == REQUIRED);
        return fields.call();
    }

    /** The fields of one record as they are read. */
    private final class Fields {

        private int seen;
        private String tenantId;
        private String routeId;
        private String keyId;
        private String applicationId;
        private String clientIp;
        private int status;
        private CallOutcome outcome;
        private long durationMicros;
        private long bytesIn;
        private long bytesOut;
        private Instant receivedAt;

        void read(int field, JsonParser parser, JsonToken value) throws IOException, NotCanonicalException {
            switch (field) {
                case REQUEST_ID, GATEWAY_ID, METHOD, PATH -> requireCanonical(value == JsonToken.VALUE_STRING);
                case TENANT_ID -> tenantId = id(parser, value);
                case ROUTE_ID -> routeId = id(parser, value);
                case KEY_ID -> keyId = id(parser, value);
                case APPLICATION_ID -> applicationId = id(parser, value);
                case CLIENT_IP -> clientIp = id(parser, value);
                case STATUS -> {
                    requireCanonical(
                            value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT);
                    status = parser.getIntValue();
                }
                case OUTCOME -> outcome = outcome(parser, value);
                case DURATION -> durationMicros = longValue(parser, value);
                case BYTES_IN -> bytesIn = longValue(parser, value);
                case BYTES_OUT -> bytesOut = longValue(parser, value);
                case RECEIVED_AT -> {
                    requireCanonical(value == JsonToken.VALUE_STRING);
                    receivedAt = CanonicalText.instant(CharBuffer.wrap(
                            parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength()));
                }
                default -> throw NotCanonicalException.INSTANCE; // A field listed above but not read: never.
            }
        }

        ConsumedCall call() {
            return new ConsumedCall(
                    ConsumedCall.UNPLACED,
                    ConsumedCall.UNPLACED,
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
    }

    private static int fieldOf(String name) throws NotCanonicalException {
        // Jackson interns field names: a switch hashes the few it meets once per name, not per record.
        return switch (name) {
            case "requestId" -> REQUEST_ID;
            case "gatewayId" -> GATEWAY_ID;
            case "tenantId" -> TENANT_ID;
            case "routeId" -> ROUTE_ID;
            case "keyId" -> KEY_ID;
            case "applicationId" -> APPLICATION_ID;
            case "method" -> METHOD;
            case "path" -> PATH;
            case "status" -> STATUS;
            case "outcome" -> OUTCOME;
            case "durationMicros" -> DURATION;
            case "bytesIn" -> BYTES_IN;
            case "bytesOut" -> BYTES_OUT;
            case "clientIp" -> CLIENT_IP;
            case "receivedAt" -> RECEIVED_AT;
            // A field added later: the general reader knows whether to ignore it.
            default -> throw NotCanonicalException.INSTANCE;
        };
    }

    private String id(JsonParser parser, JsonToken value) throws IOException, NotCanonicalException {
        // An explicit null is left to the general reader, like every other unusual value.
        requireCanonical(value == JsonToken.VALUE_STRING);
        return ids.share(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
    }

    private static CallOutcome outcome(JsonParser parser, JsonToken value) throws IOException, NotCanonicalException {
        requireCanonical(value == JsonToken.VALUE_STRING);
        char[] chars = parser.getTextCharacters();
        int offset = parser.getTextOffset();
        int length = parser.getTextLength();
        for (CallOutcome outcome : OUTCOMES) {
            if (SharedIds.sameChars(outcome.name(), chars, offset, length)) {
                return outcome;
            }
        }
        throw NotCanonicalException.INSTANCE;
    }

    private static long longValue(JsonParser parser, JsonToken value) throws IOException, NotCanonicalException {
        requireCanonical(
                value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER);
        return parser.getLongValue();
    }
}
