package io.keygate.policy.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * A partial update (JSON merge-patch): the fields in {@code present} take their value from {@code values}
 * (null there clears the field), all others keep the API's current value.
 *
 * @param present the fields the caller sent
 * @param values  the sent values; fields not in {@code present} are ignored
 */
public record ApiPatch(Set<ApiField> present, ApiValues values) {

    /**
     * Sent values; boxed so a {@code null} sent for a required field reaches the rules and is refused there.
     *
     * @param name                 name
     * @param description          description
     * @param apiVersion           version label
     * @param visibility           visibility
     * @param subscriptionApproval approval flag
     */
    public record ApiValues(
            String name,
            String description,
            String apiVersion,
            io.keygate.events.policy.ApiVisibility visibility,
            Boolean subscriptionApproval) {}

    public ApiPatch {
        present = present.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(present));
    }

    /** The attributes after applying this patch to {@code current}. */
    public ApiAttributes applyTo(ApiAttributes current) {
        if (present.contains(ApiField.SUBSCRIPTION_APPROVAL) && values.subscriptionApproval() == null) {
            throw ApiAttributeRules.invalid("subscriptionApproval", "must be true or false");
        }
        return new ApiAttributes(
                pick(ApiField.NAME, current.name(), values.name()),
                pick(ApiField.DESCRIPTION, current.description(), values.description()),
                pick(ApiField.API_VERSION, current.apiVersion(), values.apiVersion()),
                pick(ApiField.VISIBILITY, current.visibility(), values.visibility()),
                pick(ApiField.SUBSCRIPTION_APPROVAL, current.subscriptionApproval(), values.subscriptionApproval()));
    }

    private <T> T pick(ApiField field, T current, T sent) {
        return present.contains(field) ? sent : current;
    }
}
