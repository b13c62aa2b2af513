package io.keygate.audit.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.keygate.events.EventCodec;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.UUID;

/**
 * Reads the attributes and JSON data of any CloudEvent into an {@link AuditEvent}, without knowing its
 * type. Refuses what PostgreSQL could not store (so one bad record never fails a whole batch).
 */
public final class AuditEventReader {

    private static final int MAX_ATTRIBUTE_LENGTH = 1024;

    private final ObjectMapper json = new ObjectMapper();

    /**
     * The audit event of a CloudEvent read from {@code topic}.
     *
     * @param recordTime the Kafka record's timestamp, used when the event has no {@code time}
     * @throws UnreadableRecordException when the event cannot be stored faithfully
     */
    public AuditEvent read(String topic, Instant recordTime, CloudEvent event) {
        Instant occurredAt = event.getTime() != null ? event.getTime().toInstant() : recordTime;
        if (occurredAt == null) {
            throw new UnreadableRecordException("no time and no record timestamp");
        }
        return new AuditEvent(
                eventId(event.getId()),
                topic,
                attribute("type", event.getType()),
                attribute("subject", event.getSubject()),
                extension(event, EventCodec.EXT_TENANT),
                sequence(event.getExtension(EventCodec.EXT_SEQUENCE)),
                attribute(
                        "source",
                        event.getSource() == null ? null : event.getSource().toString()),
                // PostgreSQL keeps microseconds; truncating here keeps Java's view and the stored one equal.
                occurredAt.truncatedTo(ChronoUnit.MICROS),
                extension(event, EventCodec.EXT_CORRELATION),
                extension(event, EventCodec.EXT_CAUSATION),
                data(event),
                null);
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

    private String data(CloudEvent event) {
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
                // jsonb refuses \u0000; it would fail the whole batch's statement.
                throw new UnreadableRecordException("data contains a NUL character");
            }
            return json.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new UnreadableRecordException("data is not JSON");
        } catch (IOException e) {
            throw new UnreadableRecordException("data is unreadable");
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
