package io.keygate.audit.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.keygate.events.EventCodec;
import io.keygate.events.EventType;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads any Kafka record of Keygate's topics into what the trail stores: a call record (type {@code
 * io.keygate.call.recorded.v1}), an audit entry (any other CloudEvent, whatever its type, so a new event type is
 * audited the day it is published), or, when it is neither, a dead letter with its raw bytes and the reason. Never
 * throws for bad input: one bad record must not fail a batch.
 */
public final class AuditEventReader {

    private static final int MAX_ATTRIBUTE_LENGTH = 1024;
    private static final String TYPE_PREFIX = "io.keygate.";

    private final ObjectMapper json = new ObjectMapper();
    private final CloudEventDeserializer cloudEvents = new CloudEventDeserializer();

    public AuditEventReader() {
        cloudEvents.configure(Map.of(), false);
    }

    /** What {@code record} becomes in the trail. */
    public ReadRecord read(RawRecord record) {
        try {
            // In binary mode an event without data has no value; without ce_ headers, no value is a tombstone.
            if (record.value() == null
                    && (record.headers() == null || record.headers().lastHeader("ce_specversion") == null)) {
                throw new UnreadableRecordException("no value (tombstone)");
            }
            CloudEvent event;
            try {
                event = cloudEvents.deserialize(record.topic(), record.headers(), record.value());
            } catch (RuntimeException e) {
                throw new UnreadableRecordException("not a CloudEvent");
            }
            if (EventType.CALL_RECORDED.type().equals(event.getType())) {
                return new ReadRecord.Call(call(event, record.timestamp()));
            }
            return new ReadRecord.Entry(entry(record.topic(), record.timestamp(), event));
        } catch (UnreadableRecordException e) {
            return new ReadRecord.Dead(deadLetter(record, e.getMessage()));
        } catch (RuntimeException e) {
            // Whatever else a malformed record trips, it is kept, not lost; the class says enough.
            return new ReadRecord.Dead(
                    deadLetter(record, "unexpected " + e.getClass().getSimpleName()));
        }
    }

    /**
     * The audit entry of a CloudEvent read from {@code topic}.
     *
     * @param recordTime the Kafka record's timestamp, used when the event has no {@code time}
     * @throws UnreadableRecordException when the event cannot be stored faithfully
     */
    public AuditEvent entry(String topic, Instant recordTime, CloudEvent event) {
        Instant occurredAt = occurredAt(event, recordTime);
        String type = attribute("type", event.getType());
        JsonNode data = data(event);
        String subject = attribute("subject", event.getSubject());
        return new AuditEvent(
                eventId(event.getId()),
                topic,
                type,
                subject,
                extension(event, EventCodec.EXT_TENANT),
                sequence(event.getExtension(EventCodec.EXT_SEQUENCE)),
                attribute(
                        "source",
                        event.getSource() == null ? null : event.getSource().toString()),
                occurredAt,
                extension(event, EventCodec.EXT_CORRELATION),
                extension(event, EventCodec.EXT_CAUSATION),
                firstNonNull(extension(event, EventCodec.EXT_ACTOR), text(data, "actor")),
                action(type),
                subject,
                firstNonNull(text(data, "outcome"), "success"),
                firstNonNull(extension(event, EventCodec.EXT_CLIENT_IP), text(data, "clientIp")),
                data == null ? null : write(data),
                null,
                null);
    }

    private CallRecordRow call(CloudEvent event, Instant recordTime) {
        JsonNode data = data(event);
        if (data == null || !data.isObject()) {
            throw new UnreadableRecordException("call record without a JSON object as data");
        }
        Instant occurredAt = occurredAt(event, recordTime);
        return new CallRecordRow(
                eventId(event.getId()),
                occurredAt,
                firstNonNull(text(data, "tenantId"), extension(event, EventCodec.EXT_TENANT)),
                text(data, "keyId"),
                text(data, "routeId"),
                text(data, "gatewayId"),
                required(text(data, "requestId"), "requestId"),
                required(text(data, "method"), "method"),
                required(data.path("path").isTextual() ? data.get("path").textValue() : null, "path"),
                (int) number(data, "status", 100, 599),
                required(text(data, "outcome"), "outcome"),
                text(data, "clientIp"),
                number(data, "durationMicros", 0, Long.MAX_VALUE),
                number(data, "bytesIn", 0, Long.MAX_VALUE),
                number(data, "bytesOut", 0, Long.MAX_VALUE));
    }

    /** {@code io.keygate.apikey.revoked.v1} → {@code apikey.revoked}; other types as they are. */
    static String action(String type) {
        if (type == null || !type.startsWith(TYPE_PREFIX)) {
            return type;
        }
        String action = type.substring(TYPE_PREFIX.length());
        int version = action.lastIndexOf(".v");
        if (version > 0
                && version + 2 < action.length()
                && action.substring(version + 2).chars().allMatch(Character::isDigit)) {
            action = action.substring(0, version);
        }
        return action;
    }

    private static Instant occurredAt(CloudEvent event, Instant recordTime) {
        Instant at = event.getTime() != null ? event.getTime().toInstant() : recordTime;
        if (at == null) {
            throw new UnreadableRecordException("no time and no record timestamp");
        }
        // PostgreSQL keeps microseconds; truncating here keeps Java's view, the hash and the stored one equal.
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    private static DeadLetter deadLetter(RawRecord record, String reason) {
        List<DeadLetter.Header> headers = new ArrayList<>();
        if (record.headers() != null) {
            record.headers().forEach(h -> headers.add(new DeadLetter.Header(h.key(), h.value())));
        }
        return new DeadLetter(
                record.topic(),
                record.partition(),
                record.offset(),
                record.key(),
                record.value(),
                headers,
                reason,
                record.timestamp());
    }

    private static UUID eventId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UnreadableRecordException("id is not a UUID");
        }
    }

    private static Long sequence(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        try {
            return Long.parseLong(value.toString());
        } catch (NumberFormatException e) {
            throw new UnreadableRecordException("extension sequence is not a number");
        }
    }

    private static String extension(CloudEvent event, String name) {
        Object value = event.getExtension(name);
        return value == null ? null : attribute(name, value.toString());
    }

    private static String attribute(String name, String value) {
        if (value != null && (value.length() > MAX_ATTRIBUTE_LENGTH || value.indexOf('\0') >= 0)) {
            throw new UnreadableRecordException("attribute " + name + " is too long or contains NUL");
        }
        return value;
    }

    private static String text(JsonNode data, String field) {
        if (data == null || !data.isObject()) {
            return null;
        }
        JsonNode value = data.get(field);
        return value != null && value.isTextual() ? attribute(field, value.textValue()) : null;
    }

    private static long number(JsonNode data, String field, long min, long max) {
        JsonNode value = data.get(field);
        if (value == null || !value.canConvertToExactIntegral() || !value.canConvertToLong()) {
            throw new UnreadableRecordException("call record field " + field + " is missing or not an integer");
        }
        long n = value.longValue();
        if (n < min || n > max) {
            throw new UnreadableRecordException("call record field " + field + " is out of range");
        }
        return n;
    }

    private static String required(String value, String field) {
        if (value == null) {
            throw new UnreadableRecordException("call record field " + field + " is missing");
        }
        return value;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    private JsonNode data(CloudEvent event) {
        if (event.getData() == null) {
            return null;
        }
        byte[] bytes = event.getData().toBytes();
        try {
            JsonNode tree = json.readTree(bytes);
            if (tree == null || tree.isMissingNode()) {
                throw new UnreadableRecordException("data is empty");
            }
            if (containsNul(tree)) {
                // PostgreSQL text refuses \u0000; it would fail the whole batch's statement.
                throw new UnreadableRecordException("data contains a NUL character");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new UnreadableRecordException("data is not JSON");
        } catch (IOException e) {
            throw new UnreadableRecordException("data is unreadable");
        }
    }

    private String write(JsonNode data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new UnreadableRecordException("data cannot be written as JSON");
        }
    }

    private static boolean containsNul(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue().indexOf('\0') >= 0;
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            if (names.next().indexOf('\0') >= 0) {
                return true;
            }
        }
        for (JsonNode child : node) {
            if (containsNul(child)) {
                return true;
            }
        }
        return false;
    }
}
