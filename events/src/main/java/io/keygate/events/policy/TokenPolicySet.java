package io.keygate.events.policy;

/**
 * A tenant's token policy was set (created or replaced); carries the whole policy and its version, so a
 * consumer keeps the highest version it saw and ignores older or repeated ones. Type
 * {@code io.keygate.token-policy.set.v1}.
 *
 * @param policy the policy in full
 */
public record TokenPolicySet(TokenPolicyState policy) implements TokenPolicyEvent {}
