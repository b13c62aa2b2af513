package io.keygate.audit.event.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keygate.audit.event.AuditEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * An audit event as the API shows it: the CloudEvents attributes, Keygate's extensions, where and when
 * audit read it, and the data as JSON.
 *
 * @param id            CloudEvents {@code id}
 * @param source        CloudEvents {@code source}
 * @param type          CloudEvents {@code type}
 * @param subject       CloudEvents {@code subject} (aggregate id)
 * @param time          CloudEvents {@code time}
 * @param tenantId      extension {@code tenantid}
 * @param sequence      extension {@code sequence}
 * @param correlationId extension {@code correlationid}
 * @param causationId   extension {@code causationid}
 * @param topic         Kafka topic it was read from
 * @param recordedAt    when audit stored it
 * @param data          the event data
 */
public record AuditEventView(
        UUID id,
        String source,
        String type,
        String subject,
        Instant time,
        String tenantId,
        Long sequence,
        String correlationId,
        String causationId,
        String topic,
        Instant recordedAt,
        JsonNode data) {

    static AuditEventView of(AuditEvent event, ObjectMapper json) {
        return new AuditEventView(
                event.eventId(),
                event.source(),
                event.type(),
                event.subject(),
                event.occurredAt(),
                event.tenantId(),
                event.sequence(),
                event.correlationId(),
                event.causationId(),
                event.topic(),
                event.recordedAt(),
                data(event.data(), json));
    }

    private static JsonNode data(String text, ObjectMapper json) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            // Stored from a parsed tree by PostgreSQL's jsonb, so this cannot happen short of corruption.
            throw new IllegalStateException("Stored event data is not JSON", e);
        }
    }
}
