package io.keygate.token.apikey.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * Body of {@code POST /tenants/{tenantId}/api-keys}.
 *
 * @param name      human name, shown in lists
 * @param scopes    granted scopes, e.g. {@code orders:read}
 * @param expiresAt optional expiry (ISO-8601 instant in the future)
 */
public record CreateApiKeyRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 50) List<@NotBlank @Size(max = 128) @Pattern(regexp = "[A-Za-z0-9:._*/-]+") String> scopes,
        Instant expiresAt) {}
