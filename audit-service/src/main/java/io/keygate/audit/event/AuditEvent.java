package io.keygate.audit.event;

import io.keygate.audit.chain.ChainLink;
import java.time.Instant;
import java.util.UUID;

/**
 * One audit entry: an event's CloudEvents attributes (with Keygate's extensions), the fields the trail is
 * searched by, and its JSON data, kept as received. Audit does not decode the data, so it stores event types it
 * does not know yet.
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
 * @param actor         who did it: extension {@code actor}, else the data's {@code actor}, or null
 * @param action        what was done: the type without {@code io.keygate.} and its version, e.g. {@code
 *                      apikey.revoked}
 * @param target        what it was done to: the subject
 * @param outcome       the data's {@code outcome} when it has one (e.g. a failed login), else {@code success}
 * @param clientIp      extension {@code clientip}, else the data's {@code clientIp}, or null
 * @param data          the data as JSON text, or null when the event has none
 * @param link          where it sits in its tenant's hash chain; null before it is stored
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
        String actor,
        String action,
        String target,
        String outcome,
        String clientIp,
        String data,
        ChainLink link,
        Instant recordedAt) {

    /** The chain of events that carry no tenant. */
    public static final String PLATFORM_CHAIN = io.keygate.events.audit.AuditCheckpointSigned.PLATFORM_CHAIN;

    /** The chain this entry belongs to: its tenant's, or the platform's. */
    public String chain() {
        return tenantId == null ? PLATFORM_CHAIN : tenantId;
    }

    /** This entry placed in its chain. */
    public AuditEvent linked(ChainLink link) {
        return new AuditEvent(
                eventId,
                topic,
                type,
                subject,
                tenantId,
                sequence,
                source,
                occurredAt,
                correlationId,
                causationId,
                actor,
                action,
                target,
                outcome,
                clientIp,
                data,
                link,
                recordedAt);
    }
}
