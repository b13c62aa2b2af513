package io.keygate.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An event's CloudEvents attributes without its data: what a stored event is published with, beside the JSON bytes it
 * was stored as (so the outbox relay neither reads nor writes the data, and publishes events of types it does not know).
 *
 * @param id            CloudEvents {@code id}
 * @param source        CloudEvents {@code source}, e.g. {@code /token-service}
 * @param type          CloudEvents {@code type}, e.g. {@code io.keygate.token.api-key.issued.v1}
 * @param subject       the aggregate id: CloudEvents {@code subject} and the Kafka record key
 * @param sequence      the aggregate's version after this event, extension {@code sequence}
 * @param occurredAt    CloudEvents {@code time}
 * @param tenantId      extension {@code tenantid}; null for none
 * @param correlationId extension {@code correlationid}; null for none
 * @param causationId   extension {@code causationid}; null for none
 * @param actor         extension {@code actor}; null if not known
 * @param clientIp      extension {@code clientip}; null if not known
 */
public record EventAttributes(
        UUID id,
        String source,
        String type,
        String subject,
        long sequence,
        Instant occurredAt,
        String tenantId,
        String correlationId,
        String causationId,
        String actor,
        String clientIp) {

    public EventAttributes {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
