package io.keygate.events.policy;

/**
 * An IP rule was created; it applies from now on (status ACTIVE). Type {@code io.keygate.ip-rule.created.v1}.
 *
 * @param rule the rule's full state after the event
 */
public record IpRuleCreated(IpRuleState rule) implements IpRuleEvent {}
