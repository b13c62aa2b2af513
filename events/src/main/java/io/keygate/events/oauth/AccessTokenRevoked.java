package io.keygate.events.oauth;

import io.keygate.events.KeygateEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * A JWT access token was revoked (RFC 7009) before its expiry: gateways deny its {@code jti} until
 * {@code expiresAt}, after which the token is refused anyway and the entry can be dropped.
 * Type {@code io.keygate.access-token.revoked.v1}. Never carries the token itself.
 *
 * @param jti       the token's {@code jti}; the aggregate id and record key
 * @param tenantId  the token's tenant
 * @param clientId  the client the token was issued to
 * @param expiresAt the token's {@code exp}
 * @param revokedAt when it was revoked
 */
public record AccessTokenRevoked(String jti, String tenantId, String clientId, Instant expiresAt, Instant revokedAt)
        implements KeygateEvent {

    public AccessTokenRevoked {
        Objects.requireNonNull(jti, "jti");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }

    @Override
    public String aggregateId() {
        return jti;
    }
}
