package io.keygate.events.policy;

/** Events of the IP-rule aggregate, published to {@code keygate.policies} keyed by rule id. */
public sealed interface IpRuleEvent extends PolicyEvent permits IpRuleCreated, IpRuleDeleted, IpRuleExpired {

    /** The rule's full state after the event (event-carried state). */
    IpRuleState rule();

    @Override
    default String aggregateId() {
        return rule().ruleId();
    }

    @Override
    default String tenantId() {
        return rule().tenantId();
    }
}
