package io.keygate.token.apikey.rest;

import io.keygate.events.token.ApiKeyState;
import java.time.Instant;
import java.util.List;

/** An API key as the API shows it: masked, never the secret nor its hash. */
public record ApiKeyView(String id, String tenantId, String name, String maskedKey, List<String> scopes, String status,
        Instant createdAt, Instant expiresAt, Instant revokedAt, String revocationReason) {

    static ApiKeyView of(ApiKeyState key) {
        return new ApiKeyView(key.keyId(), key.tenantId(), key.name(), key.maskedKey(), key.scopes(),
                key.status().name(), key.createdAt(), key.expiresAt(), key.revokedAt(), key.revocationReason());
    }
}
