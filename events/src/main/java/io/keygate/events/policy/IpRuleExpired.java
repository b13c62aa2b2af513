package io.keygate.events.policy;

/**
 * An IP rule reached its expiresAt; emitted once per rule (status EXPIRED). Enforcers stop applying a rule from its expiresAt on, with or without this event. Type {@code io.keygate.ip-rule.expired.v1}.
 *
 * @param rule the rule's full state after the event
 */
public record IpRuleExpired(IpRuleState rule) implements IpRuleEvent {}
