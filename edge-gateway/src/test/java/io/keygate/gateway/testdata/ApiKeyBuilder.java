package io.keygate.gateway.testdata;

import io.keygate.events.token.ApiKeyState;
import io.keygate.events.token.ApiKeyStatus;
import io.keygate.events.token.Quota;
import io.keygate.events.token.RateLimit;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Builds {@link ApiKeyState}s for tests: an active, non-expiring key unless told otherwise. */
public final class ApiKeyBuilder {

    private String keyId = "key_" + UUID.randomUUID();
    private String tenantId = "tenant_" + UUID.randomUUID();
    private String keyHash = "hash_" + UUID.randomUUID();
    private List<String> ipAllowList = List.of();
    private List<String> scopes = List.of();
    private String applicationId = "app_" + UUID.randomUUID().toString().replace("-", "");
    private ApiKeyStatus status = ApiKeyStatus.ACTIVE;
    private Instant createdAt = Instant.parse("2026-01-01T00:00:00Z");
    private Instant expiresAt;
    private Instant revokedAt;
    private String revocationReason;
    private String previousKeyHash;
    private Instant previousKeyValidUntil;
    private RateLimit rateLimit;
    private Quota quota;

    private ApiKeyBuilder() {}

    public static ApiKeyBuilder anApiKey() {
        return new ApiKeyBuilder();
    }

    /** Copies a key's identity (id, tenant, hash), so a later state of the same key can be built. */
    public static ApiKeyBuilder from(ApiKeyState key) {
        ApiKeyBuilder builder = anApiKey()
                .withKeyId(key.keyId())
                .ofTenant(key.tenantId())
                .withHash(key.keyHash())
                .expiringAt(key.expiresAt())
                .forApplication(key.applicationId());
        builder.previousKeyHash = key.previousKeyHash();
        builder.previousKeyValidUntil = key.previousKeyValidUntil();
        return builder;
    }

    public ApiKeyBuilder withKeyId(String id) {
        this.keyId = id;
        return this;
    }

    public ApiKeyBuilder ofTenant(String tenant) {
        this.tenantId = tenant;
        return this;
    }

    /** The key's application; by default a random one, which has no subscription until one is published. */
    public ApiKeyBuilder forApplication(String id) {
        this.applicationId = id;
        return this;
    }

    public ApiKeyBuilder withScopes(String... names) {
        this.scopes = List.of(names);
        return this;
    }

    public ApiKeyBuilder allowingOnly(String... networks) {
        this.ipAllowList = List.of(networks);
        return this;
    }

    public ApiKeyBuilder withHash(String hash) {
        this.keyHash = hash;
        return this;
    }

    public ApiKeyBuilder expiringAt(Instant expiry) {
        this.expiresAt = expiry;
        return this;
    }

    public ApiKeyBuilder revoked(String reason) {
        this.status = ApiKeyStatus.REVOKED;
        this.revokedAt = Instant.now();
        this.revocationReason = reason;
        return this;
    }

    /** Rotated to {@code newHash}; the current hash stays valid until {@code validUntil}. */
    public ApiKeyBuilder rotatedTo(String newHash, Instant validUntil) {
        this.previousKeyHash = this.keyHash;
        this.previousKeyValidUntil = validUntil;
        this.keyHash = newHash;
        return this;
    }

    /** The rotation's grace period is over: only the current hash is kept. */
    public ApiKeyBuilder rotationCompleted() {
        this.previousKeyHash = null;
        this.previousKeyValidUntil = null;
        return this;
    }

    /** The key's own rate limit. */
    public ApiKeyBuilder limitedTo(RateLimit limit) {
        this.rateLimit = limit;
        return this;
    }

    /** The key's own quota. */
    public ApiKeyBuilder withQuota(Quota limit) {
        this.quota = limit;
        return this;
    }

    public ApiKeyBuilder expired() {
        this.status = ApiKeyStatus.EXPIRED;
        return this;
    }

    public ApiKeyState build() {
        return new ApiKeyState(
                keyId,
                tenantId,
                "test key",
                "kg_test_abcd…wxyz",
                keyHash,
                scopes,
                status,
                createdAt,
                expiresAt,
                revokedAt,
                revocationReason,
                null,
                applicationId,
                ipAllowList,
                rateLimit,
                quota,
                null,
                previousKeyHash,
                previousKeyValidUntil);
    }
}
