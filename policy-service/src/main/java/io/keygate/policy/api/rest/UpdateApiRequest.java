package io.keygate.policy.api.rest;

import io.keygate.policy.api.ApiAttributeRules;
import io.keygate.policy.api.ApiField;
import io.keygate.policy.api.ApiPatch;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.Set;

/**
 * Body of {@code PATCH /tenants/{tenantId}/apis/{apiId}}, JSON merge-patch (RFC 7396): a field left out keeps
 * its value, a field sent as {@code null} is cleared (only {@code description} can be). A class with setters
 * rather than a record, because only setters tell a field left out from one sent as null.
 */
public final class UpdateApiRequest {

    private final Set<ApiField> present = EnumSet.noneOf(ApiField.class);

    @Size(max = ApiAttributeRules.MAX_NAME)
    private String name;

    @Size(max = ApiAttributeRules.MAX_DESCRIPTION)
    private String description;

    @Size(max = ApiAttributeRules.MAX_API_VERSION)
    private String apiVersion;

    @Pattern(regexp = Visibilities.FORMAT)
    private String visibility;

    private Boolean subscriptionApproval;

    public void setName(String name) {
        this.name = name;
        present.add(ApiField.NAME);
    }

    public void setDescription(String description) {
        this.description = description;
        present.add(ApiField.DESCRIPTION);
    }

    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
        present.add(ApiField.API_VERSION);
    }

    public void setVisibility(String visibility) {
        this.visibility = visibility;
        present.add(ApiField.VISIBILITY);
    }

    public void setSubscriptionApproval(Boolean subscriptionApproval) {
        this.subscriptionApproval = subscriptionApproval;
        present.add(ApiField.SUBSCRIPTION_APPROVAL);
    }

    ApiPatch toPatch() {
        return new ApiPatch(
                present,
                new ApiPatch.ApiValues(
                        name, description, apiVersion, Visibilities.parse(visibility), subscriptionApproval));
    }
}
