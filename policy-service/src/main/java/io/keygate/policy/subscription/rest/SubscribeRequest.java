package io.keygate.policy.subscription.rest;

import io.keygate.policy.api.ApiIds;
import io.keygate.policy.plan.PlanIds;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Body of {@code POST /tenants/{tenantId}/subscriptions}.
 *
 * @param applicationId the tenant's application whose credentials will call the API
 * @param apiId         the API: the tenant's own, or another tenant's public one
 * @param planId        one of the API's active plans
 */
public record SubscribeRequest(
        @NotNull @Pattern(regexp = "app_[0-9a-f]{32}") String applicationId,
        @NotNull @Pattern(regexp = ApiIds.FORMAT) String apiId,
        @NotNull @Pattern(regexp = PlanIds.FORMAT) String planId) {}
