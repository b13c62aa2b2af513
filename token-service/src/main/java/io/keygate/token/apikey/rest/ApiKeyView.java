package io.keygate.token.apikey.rest;

import io.keygate.events.token.ApiKeyState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An API key as the API shows it: masked, never the secret nor its hash. {@code previousKeyValidUntil} is
 * set while a rotation's grace period runs: until then the replaced secret is still accepted.
 */
public record ApiKeyView(
        String id,
        String tenantId,
        String name,
        String maskedKey,
        List<String> scopes,
        String status,
        Instant createdAt,
        Instant expiresAt,
        Instant revokedAt,
        String revocationReason,
        String description,
        String applicationId,
        List<String> ipAllowList,
        RateLimitBody rateLimit,
        QuotaBody quota,
        Map<String, Object> metadata,
        Instant previousKeyValidUntil) {

    static ApiKeyView of(ApiKeyState key) {
        return new ApiKeyView(
                key.keyId(),
                key.tenantId(),
                key.name(),
                key.maskedKey(),
                key.scopes(),
                key.status().name(),
                key.createdAt(),
                key.expiresAt(),
                key.revokedAt(),
                key.revocationReason(),
                key.description(),
                key.applicationId(),
                key.ipAllowList(),
                RateLimitBody.of(key.rateLimit()),
                QuotaBody.of(key.quota()),
                key.metadata(),
                key.previousKeyValidUntil());
    }
}
