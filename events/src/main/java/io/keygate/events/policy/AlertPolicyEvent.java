package io.keygate.events.policy;

/** Events of the alert-policy aggregate (one per tenant), published to {@code keygate.policies}. */
public sealed interface AlertPolicyEvent extends PolicyEvent permits AlertPolicySet {

    /** The policy in full after the event. */
    AlertPolicyState policy();

    @Override
    default String aggregateId() {
        return AlertPolicyState.aggregateIdOf(policy().tenantId());
    }

    @Override
    default String tenantId() {
        return policy().tenantId();
    }
}
