package io.keygate.events.policy;

/**
 * An IP rule was deleted; it no longer applies (status DELETED). Type {@code io.keygate.ip-rule.deleted.v1}.
 *
 * @param rule the rule's full state after the event
 */
public record IpRuleDeleted(IpRuleState rule) implements IpRuleEvent {}
