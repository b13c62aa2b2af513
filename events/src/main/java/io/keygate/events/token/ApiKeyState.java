package io.keygate.events.token;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The full state of an API key as carried by every token event. It never holds the secret: only its
 * keyed hash (see {@link io.keygate.events.credential.ApiKeyHasher}) and a masked form for display.
 *
 * @param keyId            stable id of the key (not secret)
 * @param tenantId         owning tenant
 * @param name             human name given at creation
 * @param maskedKey        display form, e.g. {@code kg_live_AbCd…wXyZ}
 * @param keyHash          HMAC-SHA-256 of the secret under the server-side pepper, base64url without padding
 * @param scopes           granted scopes (may be empty)
 * @param status           lifecycle state
 * @param createdAt        issue time
 * @param expiresAt        expiry, or null for none
 * @param revokedAt        revocation time, or null
 * @param revocationReason why it was revoked, or null
 */
public record ApiKeyState(
        String keyId,
        String tenantId,
        String name,
        String maskedKey,
        String keyHash,
        List<String> scopes,
        ApiKeyStatus status,
        Instant createdAt,
        Instant expiresAt,
        Instant revokedAt,
        String revocationReason) {

    public ApiKeyState {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(keyHash, "keyHash");
        Objects.requireNonNull(status, "status");
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    /** Whether the key may be used at {@code now}: active and not past its expiry. */
    public boolean isUsableAt(Instant now) {
        return status == ApiKeyStatus.ACTIVE && (expiresAt == null || now.isBefore(expiresAt));
    }
}
