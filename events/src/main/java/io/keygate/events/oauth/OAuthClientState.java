package io.keygate.events.oauth;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The full state of an OAuth2 client (RFC 6749 confidential client, client-credentials grant) as carried
 * by every OAuth-client event. It never holds the client secret: only its keyed hash (see
 * {@link io.keygate.events.credential.ApiKeyHasher}; the secret has 256 random bits, so the HMAC is as
 * strong as a slow hash for it) and a masked form for display.
 *
 * @param clientId      the public {@code client_id}
 * @param tenantId      owning tenant
 * @param applicationId the application the client acts for; carried into its tokens
 * @param name          human name given at registration
 * @param maskedSecret  display form of the secret, e.g. {@code kgcs_AbCd…wXyZ}
 * @param secretHash    HMAC-SHA-256 of the secret under the server-side pepper, base64url without padding
 * @param scopes        the scopes the client may request (may be empty)
 * @param status        lifecycle state
 * @param createdAt     registration time
 * @param revokedAt     revocation time, or null
 */
public record OAuthClientState(
        String clientId,
        String tenantId,
        String applicationId,
        String name,
        String maskedSecret,
        String secretHash,
        List<String> scopes,
        OAuthClientStatus status,
        Instant createdAt,
        Instant revokedAt) {

    public OAuthClientState {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(status, "status");
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    /** Whether the client may obtain tokens. (Not a bean getter: it stays out of the JSON.) */
    public boolean canObtainTokens() {
        return status == OAuthClientStatus.ACTIVE;
    }
}
