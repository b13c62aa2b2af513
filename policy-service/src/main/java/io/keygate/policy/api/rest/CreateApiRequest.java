package io.keygate.policy.api.rest;

import io.keygate.events.policy.ApiVisibility;
import io.keygate.policy.api.ApiAttributeRules;
import io.keygate.policy.api.ApiAttributes;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /tenants/{tenantId}/apis}.
 *
 * @param name                 human name
 * @param description          free text
 * @param apiVersion           the API's version label, e.g. v1
 * @param visibility           {@code private} (default) or {@code public}
 * @param subscriptionApproval whether subscriptions need a tenant admin's approval (default false)
 */
public record CreateApiRequest(
        @NotBlank @Size(max = ApiAttributeRules.MAX_NAME) String name,
        @Size(max = ApiAttributeRules.MAX_DESCRIPTION) String description,

        @NotBlank @Size(max = ApiAttributeRules.MAX_API_VERSION)
        String apiVersion,

        @Pattern(regexp = Visibilities.FORMAT) String visibility,
        Boolean subscriptionApproval) {

    ApiAttributes toAttributes() {
        return new ApiAttributes(
                name,
                description,
                apiVersion,
                visibility == null ? ApiVisibility.PRIVATE : Visibilities.parse(visibility),
                Boolean.TRUE.equals(subscriptionApproval));
    }
}
