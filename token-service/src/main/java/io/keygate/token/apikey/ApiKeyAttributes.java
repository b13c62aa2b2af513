package io.keygate.token.apikey;

import io.keygate.events.token.ApiKeyState;
import io.keygate.events.token.Quota;
import io.keygate.events.token.RateLimit;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a caller may set on an API key, at issue or by update; everything but the secret and lifecycle.
 *
 * @param name          human name
 * @param description   free text, or null
 * @param applicationId owning application, or null
 * @param scopes        granted scopes
 * @param expiresAt     expiry, or null for none
 * @param ipAllowList   client networks as CIDR text (normalised by {@link ApiKeyAttributeRules}); empty: any
 * @param rateLimit     calls per window, or null
 * @param quota         call budget, or null
 * @param metadata      caller-defined JSON object, or null
 */
public record ApiKeyAttributes(
        String name,
        String description,
        String applicationId,
        List<String> scopes,
        Instant expiresAt,
        List<String> ipAllowList,
        RateLimit rateLimit,
        Quota quota,
        Map<String, Object> metadata) {

    public ApiKeyAttributes {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        ipAllowList = ipAllowList == null ? List.of() : List.copyOf(ipAllowList);
    }

    /** Just a name, as the first release of the API took it. */
    public static ApiKeyAttributes named(String name) {
        return new ApiKeyAttributes(name, null, null, List.of(), null, List.of(), null, null, null);
    }

    /** The attributes of a key's state. */
    public static ApiKeyAttributes of(ApiKeyState key) {
        return new ApiKeyAttributes(
                key.name(),
                key.description(),
                key.applicationId(),
                key.scopes(),
                key.expiresAt(),
                key.ipAllowList(),
                key.rateLimit(),
                key.quota(),
                key.metadata());
    }

    /** {@code key} with these attributes, everything else unchanged. */
    public ApiKeyState applyTo(ApiKeyState key) {
        return new ApiKeyState(
                key.keyId(),
                key.tenantId(),
                name,
                key.maskedKey(),
                key.keyHash(),
                scopes,
                key.status(),
                key.createdAt(),
                expiresAt,
                key.revokedAt(),
                key.revocationReason(),
                description,
                applicationId,
                ipAllowList,
                rateLimit,
                quota,
                metadata,
                key.previousKeyHash(),
                key.previousKeyValidUntil(),
                key.secretIssuedAt(),
                key.rotationDueNotifiedAt());
    }
}
