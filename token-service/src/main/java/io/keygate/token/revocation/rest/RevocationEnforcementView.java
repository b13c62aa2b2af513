package io.keygate.token.revocation.rest;

import io.keygate.token.revocation.GatewayEnforcement;
import io.keygate.token.revocation.PublishedRevocation;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where a revocation stands on the gateways.
 *
 * @param credentialId              the revoked API key id or access-token jti
 * @param revokedAt                 when it was revoked
 * @param eventId                   the revocation event's id
 * @param published                 whether Kafka acknowledged the event (gateways cannot apply it before)
 * @param topic                     where Kafka stored it; null until published
 * @param partition                 its partition; null until published
 * @param offset                    its offset; null until published
 * @param enforcedByAllLiveGateways whether it is published and every live gateway applied it (true with no live
 *                                  gateway at all: check {@code gateways})
 * @param gateways                  each live gateway (latest watermark recent enough), sorted by id
 */
public record RevocationEnforcementView(
        String credentialId,
        Instant revokedAt,
        UUID eventId,
        boolean published,
        String topic,
        Integer partition,
        Long offset,
        boolean enforcedByAllLiveGateways,
        List<GatewayEnforcement> gateways) {

    static RevocationEnforcementView of(PublishedRevocation revocation, List<GatewayEnforcement> gateways) {
        boolean published = revocation.isPublished();
        return new RevocationEnforcementView(
                revocation.credentialId(),
                revocation.revokedAt(),
                revocation.eventId(),
                published,
                published ? revocation.position().topic() : null,
                published ? revocation.position().partition() : null,
                published ? revocation.position().offset() : null,
                published && gateways.stream().allMatch(GatewayEnforcement::enforced),
                gateways);
    }
}
