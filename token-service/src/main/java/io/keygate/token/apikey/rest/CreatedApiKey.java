package io.keygate.token.apikey.rest;

import io.keygate.token.apikey.service.IssuedApiKey;
import java.time.Instant;
import java.util.List;

/** Answer to a create: the only response that ever contains the secret {@code key}. */
public record CreatedApiKey(String id, String key, String tenantId, String name, String maskedKey, List<String> scopes,
        String status, Instant createdAt, Instant expiresAt) {

    static CreatedApiKey of(IssuedApiKey issued) {
        var key = issued.state();
        return new CreatedApiKey(key.keyId(), issued.secret(), key.tenantId(), key.name(), key.maskedKey(),
                key.scopes(), key.status().name(), key.createdAt(), key.expiresAt());
    }

    @Override
    public String toString() {
        return "CreatedApiKey[id=" + id + ", key=***]";
    }
}
