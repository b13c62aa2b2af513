package io.keygate.audit.event;

import java.time.Instant;
import java.util.UUID;

/**
 * One stored event: its CloudEvents attributes (with Keygate's extensions) and its JSON data, kept as
 * received. Audit does not decode the data, so it stores event types it does not know yet.
 *
 * @param eventId       CloudEvents {@code id}; unique across the trail
 * @param topic         the Kafka topic it was read from
 * @param type          CloudEvents {@code type}, e.g. {@code io.keygate.apikey.issued.v1}
 * @param subject       CloudEvents {@code subject}: the aggregate id, or null
 * @param tenantId      extension {@code tenantid}, or null
 * @param sequence      extension {@code sequence}: the aggregate version after the event, or null
 * @param source        CloudEvents {@code source}, e.g. {@code /token-service}
 * @param occurredAt    CloudEvents {@code time}; the Kafka record time when the event has none
 * @param correlationId extension {@code correlationid}, or null
 * @param causationId   extension {@code causationid}, or null
 * @param data          the data as JSON text, or null when the event has none
 * @param recordedAt    when audit stored it; null before it is stored
 */
public record AuditEvent(
        UUID eventId,
        String topic,
        String type,
        String subject,
        String tenantId,
        Long sequence,
        String source,
        Instant occurredAt,
        String correlationId,
        String causationId,
        String data,
        Instant recordedAt) {}
