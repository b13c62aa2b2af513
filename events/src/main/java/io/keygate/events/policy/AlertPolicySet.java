package io.keygate.events.policy;

/**
 * A tenant's alert policy was set (created or replaced); carries the whole policy and its version, so a consumer keeps
 * the highest version it saw. Type {@code io.keygate.alert-policy.set.v1}.
 *
 * @param policy the policy in full
 */
public record AlertPolicySet(AlertPolicyState policy) implements AlertPolicyEvent {}
