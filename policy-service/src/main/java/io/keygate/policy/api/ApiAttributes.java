package io.keygate.policy.api;

import io.keygate.events.policy.ApiState;
import io.keygate.events.policy.ApiVisibility;
import java.time.Instant;

/**
 * What a caller may set on an API, at creation or by update.
 *
 * @param name                 human name
 * @param description          free text, or null
 * @param apiVersion           the API's version label
 * @param visibility           who sees it in the developer portal
 * @param subscriptionApproval whether subscriptions need a tenant admin's approval
 */
public record ApiAttributes(
        String name, String description, String apiVersion, ApiVisibility visibility, boolean subscriptionApproval) {

    /** The attributes of an API's state. */
    public static ApiAttributes of(ApiState api) {
        return new ApiAttributes(
                api.name(), api.description(), api.apiVersion(), api.visibility(), api.subscriptionApproval());
    }

    /** {@code api} with these attributes, changed at {@code at}; everything else unchanged. */
    public ApiState applyTo(ApiState api, Instant at) {
        return new ApiState(
                api.apiId(),
                api.tenantId(),
                name,
                description,
                apiVersion,
                visibility,
                subscriptionApproval,
                api.status(),
                api.openApi(),
                api.createdAt(),
                at,
                api.retiredAt());
    }
}
