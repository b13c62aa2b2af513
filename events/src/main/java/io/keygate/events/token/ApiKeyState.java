package io.keygate.events.token;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The full state of an API key as carried by every token event. It never holds the secret: only its
 * keyed hash (see {@link io.keygate.events.credential.ApiKeyHasher}) and a masked form for display.
 *
 * <p>Fields after {@code revocationReason} were added later and are absent (null, or empty for lists)
 * in events written before them.
 *
 * @param keyId                 stable id of the key (not secret)
 * @param tenantId              owning tenant
 * @param name                  human name given at creation
 * @param maskedKey             display form of the current secret, e.g. {@code kg_live_…wXyZ}
 * @param keyHash               HMAC-SHA-256 of the current secret under the server-side pepper, base64url without padding
 * @param scopes                granted scopes (may be empty)
 * @param status                lifecycle state
 * @param createdAt             issue time
 * @param expiresAt             expiry, or null for none
 * @param revokedAt             revocation time, or null
 * @param revocationReason      why it was revoked, or null
 * @param description           free text, or null
 * @param applicationId         the application the key belongs to, or null
 * @param ipAllowList           client networks allowed to use the key as normalised CIDRs
 *                              ({@code 203.0.113.0/24}, {@code 2001:db8::/32}); empty means any address
 * @param rateLimit             calls per window, or null for none
 * @param quota                 call budget, or null for none
 * @param metadata              caller-defined JSON object (at most 4 KB serialised), or null
 * @param previousKeyHash       hash of the secret replaced by the last rotation while its grace period runs, or null
 * @param previousKeyValidUntil end of that grace period (exclusive), or null
 * @param secretIssuedAt        when the current secret was issued (issue or last rotation); null in events written
 *                              before it, where {@code createdAt} stands in (see {@link #secretIssuedAtOrCreatedAt})
 * @param rotationDueNotifiedAt when the tenant's token policy last warned that the current secret is due for
 *                              rotation; null if it has not (a rotation clears it)
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
        String revocationReason,
        String description,
        String applicationId,
        List<String> ipAllowList,
        RateLimit rateLimit,
        Quota quota,
        Map<String, Object> metadata,
        String previousKeyHash,
        Instant previousKeyValidUntil,
        Instant secretIssuedAt,
        Instant rotationDueNotifiedAt) {

    public ApiKeyState {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(keyHash, "keyHash");
        Objects.requireNonNull(status, "status");
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        ipAllowList = ipAllowList == null ? List.of() : List.copyOf(ipAllowList);
        // JSON objects may hold nulls, which Map.copyOf refuses.
        metadata = metadata == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** A key without the rotation-age fields (secret issue time, rotation-due warning). */
    public ApiKeyState(
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
            String revocationReason,
            String description,
            String applicationId,
            List<String> ipAllowList,
            RateLimit rateLimit,
            Quota quota,
            Map<String, Object> metadata,
            String previousKeyHash,
            Instant previousKeyValidUntil) {
        this(
                keyId,
                tenantId,
                name,
                maskedKey,
                keyHash,
                scopes,
                status,
                createdAt,
                expiresAt,
                revokedAt,
                revocationReason,
                description,
                applicationId,
                ipAllowList,
                rateLimit,
                quota,
                metadata,
                previousKeyHash,
                previousKeyValidUntil,
                null,
                null);
    }

    /** A key with none of the later-added attributes: no description, application, limits or rotation. */
    public ApiKeyState(
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
        this(
                keyId,
                tenantId,
                name,
                maskedKey,
                keyHash,
                scopes,
                status,
                createdAt,
                expiresAt,
                revokedAt,
                revocationReason,
                null,
                null,
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /**
     * This key with another current secret and previous secret (rotation, end of a grace period); everything
     * else unchanged.
     */
    public ApiKeyState withSecrets(
            String maskedKey, String keyHash, String previousKeyHash, Instant previousKeyValidUntil) {
        return copy(
                status,
                revokedAt,
                revocationReason,
                maskedKey,
                keyHash,
                previousKeyHash,
                previousKeyValidUntil,
                secretIssuedAt,
                rotationDueNotifiedAt);
    }

    /**
     * This key with a new current secret issued at {@code issuedAt} (a rotation): its age starts again and no
     * rotation-due warning has been sent for it.
     */
    public ApiKeyState withNewSecret(
            String maskedKey, String keyHash, String previousKeyHash, Instant previousKeyValidUntil, Instant issuedAt) {
        return copy(
                status,
                revokedAt,
                revocationReason,
                maskedKey,
                keyHash,
                previousKeyHash,
                previousKeyValidUntil,
                issuedAt,
                null);
    }

    /** This key after a rotation-due warning sent at {@code at}. */
    public ApiKeyState withRotationDueNotifiedAt(Instant at) {
        return copy(
                status,
                revokedAt,
                revocationReason,
                maskedKey,
                keyHash,
                previousKeyHash,
                previousKeyValidUntil,
                secretIssuedAt,
                at);
    }

    /** This key with another expiry, everything else unchanged. */
    public ApiKeyState withExpiresAt(Instant newExpiresAt) {
        return new ApiKeyState(
                keyId,
                tenantId,
                name,
                maskedKey,
                keyHash,
                scopes,
                status,
                createdAt,
                newExpiresAt,
                revokedAt,
                revocationReason,
                description,
                applicationId,
                ipAllowList,
                rateLimit,
                quota,
                metadata,
                previousKeyHash,
                previousKeyValidUntil,
                secretIssuedAt,
                rotationDueNotifiedAt);
    }

    /** When the current secret was issued; {@code createdAt} for events written before that was recorded. */
    public Instant secretIssuedAtOrCreatedAt() {
        return secretIssuedAt != null ? secretIssuedAt : createdAt;
    }

    /** This key in another lifecycle state (expired, revoked), with its revocation time and reason if any. */
    public ApiKeyState withStatus(ApiKeyStatus status, Instant revokedAt, String revocationReason) {
        return copy(
                status,
                revokedAt,
                revocationReason,
                maskedKey,
                keyHash,
                previousKeyHash,
                previousKeyValidUntil,
                secretIssuedAt,
                rotationDueNotifiedAt);
    }

    private ApiKeyState copy(
            ApiKeyStatus status,
            Instant revokedAt,
            String revocationReason,
            String maskedKey,
            String keyHash,
            String previousKeyHash,
            Instant previousKeyValidUntil,
            Instant secretIssuedAt,
            Instant rotationDueNotifiedAt) {
        return new ApiKeyState(
                keyId,
                tenantId,
                name,
                maskedKey,
                keyHash,
                scopes,
                status,
                createdAt,
                expiresAt,
                revokedAt,
                revocationReason,
                description,
                applicationId,
                ipAllowList,
                rateLimit,
                quota,
                metadata,
                previousKeyHash,
                previousKeyValidUntil,
                secretIssuedAt,
                rotationDueNotifiedAt);
    }

    /** Whether the key may be used at {@code now}: active and not past its expiry. */
    public boolean isUsableAt(Instant now) {
        return status == ApiKeyStatus.ACTIVE && (expiresAt == null || now.isBefore(expiresAt));
    }

    /**
     * Whether the secret replaced by the last rotation may still be used at {@code now}: the key is usable
     * and the grace period has not ended.
     */
    public boolean isPreviousKeyUsableAt(Instant now) {
        return previousKeyHash != null
                && previousKeyValidUntil != null
                && now.isBefore(previousKeyValidUntil)
                && isUsableAt(now);
    }
}
