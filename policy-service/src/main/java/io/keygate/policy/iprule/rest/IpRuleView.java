package io.keygate.policy.iprule.rest;

import io.keygate.events.policy.IpRuleAction;
import io.keygate.events.policy.IpRuleScope;
import io.keygate.events.policy.IpRuleState;
import io.keygate.events.policy.IpRuleStatus;
import java.time.Instant;

/** An IP rule as the API shows it. */
public record IpRuleView(
        String id,
        IpRuleScope scope,
        String tenantId,
        IpRuleAction action,
        String cidr,
        String reason,
        Instant expiresAt,
        IpRuleStatus status,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    static IpRuleView of(IpRuleState rule) {
        return new IpRuleView(
                rule.ruleId(),
                rule.scope(),
                rule.tenantId(),
                rule.action(),
                rule.cidr(),
                rule.reason(),
                rule.expiresAt(),
                rule.status(),
                rule.createdAt(),
                rule.updatedAt(),
                rule.version());
    }
}
