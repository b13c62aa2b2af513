package io.keygate.token.revocation;

import java.time.Instant;
import java.util.UUID;

/**
 * A credential's revocation event and where Kafka stored it.
 *
 * @param credentialId the revoked API key id or access-token jti
 * @param eventId      the revocation event's id
 * @param revokedAt    when the revocation happened (the event's time)
 * @param position     where Kafka stored it; null while the outbox relay has not published it yet
 */
public record PublishedRevocation(String credentialId, UUID eventId, Instant revokedAt, KafkaPosition position) {

    /** Whether Kafka acknowledged the event, so gateways can apply it. */
    public boolean isPublished() {
        return position != null;
    }
}
