package io.keygate.events.policy;

/** Events of the token-policy aggregate (one per tenant), published to {@code keygate.policies}. */
public sealed interface TokenPolicyEvent extends PolicyEvent permits TokenPolicySet {

    /** The policy in full after the event. */
    TokenPolicyState policy();

    @Override
    default String aggregateId() {
        return TokenPolicyState.aggregateIdOf(policy().tenantId());
    }

    @Override
    default String tenantId() {
        return policy().tenantId();
    }
}
