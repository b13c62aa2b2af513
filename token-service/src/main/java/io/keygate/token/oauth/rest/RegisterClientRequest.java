package io.keygate.token.oauth.rest;

import io.keygate.token.application.ApplicationIds;
import io.keygate.token.oauth.Scopes;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /tenants/{tenantId}/oauth-clients}.
 *
 * @param name          human name, shown in lists
 * @param applicationId the application the client acts for (an active application of the tenant); carried in its
 *                      tokens' {@code application} claim
 * @param scopes        the scopes the client may request, e.g. {@code orders:read}
 */
public record RegisterClientRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Pattern(regexp = ApplicationIds.FORMAT) String applicationId,
        @Size(max = 50) List<@NotNull @Pattern(regexp = Scopes.SCOPE_TOKEN) String> scopes) {}
