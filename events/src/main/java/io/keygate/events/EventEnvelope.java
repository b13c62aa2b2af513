package io.keygate.events;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An event with its metadata, as it travels in a CloudEvents 1.0 envelope.
 *
 * @param id            unique event id (UUIDv7: time-ordered), CloudEvents {@code id}
 * @param source        the producing service, e.g. {@code /token-service}
 * @param sequence      the aggregate's version after this event (1 for the first), extension {@code sequence}
 * @param occurredAt    when the event happened, CloudEvents {@code time}
 * @param correlationId the request or flow this event belongs to, extension {@code correlationid}
 * @param causationId   the event or command id that caused this event, extension {@code causationid}; may be null
 * @param data          the event record; its aggregate id is the {@code subject} and its tenant the {@code tenantid}
 * @param actor         who did it ({@code user:<id>}, {@code client:<id>}, {@code service:<name>}, {@code system}),
 *                      extension {@code actor}; null if not known
 * @param clientIp      the client address of the request that caused the event, extension {@code clientip}; null if
 *                      not known
 * @param <E>           the event record type
 */
public record EventEnvelope<E extends KeygateEvent>(
        UUID id,
        String source,
        long sequence,
        Instant occurredAt,
        String correlationId,
        String causationId,
        E data,
        String actor,
        String clientIp) {

    private static final TimeBasedEpochGenerator UUID_V7 = Generators.timeBasedEpochGenerator();

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(data, "data");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative");
        }
    }

    /** An envelope without actor and client address (most events are not caused by a person's request). */
    public EventEnvelope(
            UUID id,
            String source,
            long sequence,
            Instant occurredAt,
            String correlationId,
            String causationId,
            E data) {
        this(id, source, sequence, occurredAt, correlationId, causationId, data, null, null);
    }

    /** A new envelope with a fresh UUIDv7 id. */
    public static <E extends KeygateEvent> EventEnvelope<E> create(
            String source, long sequence, Instant occurredAt, String correlationId, String causationId, E data) {
        return new EventEnvelope<>(newEventId(), source, sequence, occurredAt, correlationId, causationId, data);
    }

    /** This envelope with who caused the event and from which client address (either may be null). */
    public EventEnvelope<E> withOrigin(String actor, String clientIp) {
        return new EventEnvelope<>(id, source, sequence, occurredAt, correlationId, causationId, data, actor, clientIp);
    }

    /** A new time-ordered (version 7) UUID. */
    public static UUID newEventId() {
        return UUID_V7.generate();
    }

    /** The registered type of the data. */
    public EventType type() {
        return EventType.of(data);
    }

    /** The aggregate id: CloudEvents {@code subject} and Kafka record key. */
    public String subject() {
        return data.aggregateId();
    }

    /** The owning tenant, or null. */
    public String tenantId() {
        return data.tenantId();
    }

    /** The CloudEvents attributes this event travels with. */
    public EventAttributes attributes() {
        return new EventAttributes(
                id,
                source,
                type().type(),
                subject(),
                sequence,
                occurredAt,
                tenantId(),
                correlationId,
                causationId,
                actor,
                clientIp);
    }
}
