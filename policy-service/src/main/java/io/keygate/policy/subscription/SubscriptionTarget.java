package io.keygate.policy.subscription;

import io.keygate.events.policy.PlanState;

/**
 * What a subscription request names, as the service read it: the API's owner, whether the owner must approve,
 * whether the requesting tenant may see it, and the plan.
 *
 * @param apiId                the API
 * @param apiTenantId          its owner tenant
 * @param active               whether the API takes new subscriptions (not retired)
 * @param visibleToRequester   whether the requesting tenant may see it (its own, or a public one)
 * @param subscriptionApproval whether its owner must approve subscriptions
 * @param plan                 the chosen plan, or null if the API has no plan with that id
 */
public record SubscriptionTarget(
        String apiId,
        String apiTenantId,
        boolean active,
        boolean visibleToRequester,
        boolean subscriptionApproval,
        PlanState plan) {}
