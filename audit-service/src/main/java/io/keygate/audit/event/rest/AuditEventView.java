package io.keygate.audit.event.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keygate.audit.event.AuditEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * An audit entry as the API shows it: the CloudEvents attributes, Keygate's extensions, the fields the trail is
 * searched by, where it sits in its chain, and the data as JSON.
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
 * @param actor         who did it, when known
 * @param action        what was done, e.g. {@code apikey.revoked}
 * @param target        what it was done to (the subject)
 * @param outcome       {@code success}, or the event's own outcome (e.g. of a login attempt)
 * @param clientIp      the client address, when known
 * @param topic         Kafka topic it was read from
 * @param recordedAt    when audit stored it
 * @param chain         its hash chain: the tenant id, or {@code _platform}
 * @param chainSequence its position in the chain
 * @param previousHash  the previous entry's hash (hex)
 * @param entryHash     its hash (hex)
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
        String actor,
        String action,
        String target,
        String outcome,
        String clientIp,
        String topic,
        Instant recordedAt,
        String chain,
        Long chainSequence,
        String previousHash,
        String entryHash,
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
                event.actor(),
                event.action(),
                event.target(),
                event.outcome(),
                event.clientIp(),
                event.topic(),
                event.recordedAt(),
                event.link() == null ? null : event.link().chain(),
                event.link() == null ? null : event.link().sequence(),
                event.link() == null ? null : event.link().previousHash(),
                event.link() == null ? null : event.link().entryHash(),
                data(event.data(), json));
    }

    private static JsonNode data(String text, ObjectMapper json) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            // Written from a parsed tree, so this cannot happen short of a change made in the database.
            return json.getNodeFactory().textNode(text);
        }
    }
}
