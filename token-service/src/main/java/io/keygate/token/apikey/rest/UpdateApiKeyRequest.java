package io.keygate.token.apikey.rest;

import io.keygate.token.apikey.ApiKeyAttributes;
import io.keygate.token.apikey.ApiKeyField;
import io.keygate.token.apikey.ApiKeyPatch;
import io.keygate.token.application.ApplicationIds;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Body of {@code PATCH /tenants/{tenantId}/api-keys/{keyId}}, JSON merge-patch style (RFC 7396): a field
 * left out keeps its value, a field sent as {@code null} is cleared (lists become empty; {@code name}
 * cannot be cleared). A class with setters rather than a record, because only setters tell a field
 * left out from a field sent as null.
 */
public final class UpdateApiKeyRequest {

    private final Set<ApiKeyField> present = EnumSet.noneOf(ApiKeyField.class);

    // Left out is fine; sent as null or blank is refused by the attribute rules, naming the field.
    @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
    @Size(max = 200)
    private String name;

    @Size(max = 1000)
    private String description;

    @Pattern(regexp = ApplicationIds.FORMAT)
    private String applicationId;

    @Size(max = 50)
    private List<@NotBlank @Size(max = 128) @Pattern(regexp = ApiKeyResource.SCOPE) String> scopes;

    private Instant expiresAt;

    @Size(max = 100)
    private List<@NotBlank @Size(max = 64) String> ipAllowList;

    @Valid
    private RateLimitBody rateLimit;

    @Valid
    private QuotaBody quota;

    private Map<String, Object> metadata;

    public void setName(String name) {
        this.name = name;
        present.add(ApiKeyField.NAME);
    }

    public void setDescription(String description) {
        this.description = description;
        present.add(ApiKeyField.DESCRIPTION);
    }

    public void setApplicationId(String applicationId) {
        this.applicationId = applicationId;
        present.add(ApiKeyField.APPLICATION_ID);
    }

    public void setScopes(List<String> scopes) {
        this.scopes = scopes;
        present.add(ApiKeyField.SCOPES);
    }

    public void setExpiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
        present.add(ApiKeyField.EXPIRES_AT);
    }

    public void setIpAllowList(List<String> ipAllowList) {
        this.ipAllowList = ipAllowList;
        present.add(ApiKeyField.IP_ALLOW_LIST);
    }

    public void setRateLimit(RateLimitBody rateLimit) {
        this.rateLimit = rateLimit;
        present.add(ApiKeyField.RATE_LIMIT);
    }

    public void setQuota(QuotaBody quota) {
        this.quota = quota;
        present.add(ApiKeyField.QUOTA);
    }

    public void setMetadata(Map<String, Object> metadata) {
        this.metadata = metadata;
        present.add(ApiKeyField.METADATA);
    }

    /** Whether the patch moves the key to another application (or to none), and to which. */
    boolean changesApplication() {
        return present.contains(ApiKeyField.APPLICATION_ID);
    }

    String applicationId() {
        return applicationId;
    }

    ApiKeyPatch toPatch() {
        return new ApiKeyPatch(
                present,
                new ApiKeyAttributes(
                        name,
                        description,
                        applicationId,
                        scopes,
                        expiresAt,
                        ipAllowList,
                        rateLimit == null ? null : rateLimit.toRateLimit(),
                        quota == null ? null : quota.toQuota(),
                        metadata));
    }
}
