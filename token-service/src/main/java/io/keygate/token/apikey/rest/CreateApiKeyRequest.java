package io.keygate.token.apikey.rest;

import io.keygate.token.apikey.ApiKeyAttributes;
import io.keygate.token.application.ApplicationIds;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code POST /tenants/{tenantId}/api-keys}.
 *
 * @param name          human name, shown in lists
 * @param description   free text, at most 1000 characters
 * @param applicationId the application the key belongs to ({@code app_} + 32 hex digits): an active application
 *                      of the tenant, or absent
 * @param scopes        granted scopes, e.g. {@code orders:read}
 * @param expiresAt     optional expiry (ISO-8601 instant in the future)
 * @param ipAllowList   IPv4/IPv6 CIDRs the key may be used from (at most 100; a bare address is one host)
 * @param rateLimit     optional calls per window
 * @param quota         optional call budget
 * @param metadata      optional JSON object, at most 4096 bytes serialised
 */
public record CreateApiKeyRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 1000) String description,
        @Pattern(regexp = ApplicationIds.FORMAT) String applicationId,
        @Size(max = 50) List<@NotBlank @Size(max = 128) @Pattern(regexp = ApiKeyResource.SCOPE) String> scopes,
        Instant expiresAt,
        @Size(max = 100) List<@NotBlank @Size(max = 64) String> ipAllowList,
        @Valid RateLimitBody rateLimit,
        @Valid QuotaBody quota,
        Map<String, Object> metadata) {

    ApiKeyAttributes toAttributes() {
        return new ApiKeyAttributes(
                name,
                description,
                applicationId,
                scopes,
                expiresAt,
                ipAllowList,
                rateLimit == null ? null : rateLimit.toRateLimit(),
                quota == null ? null : quota.toQuota(),
                metadata);
    }
}
