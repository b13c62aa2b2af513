package io.keygate.policy.iprule;

import io.keygate.events.policy.IpRuleAction;
import io.keygate.events.policy.IpRuleScope;
import java.time.Instant;

/** Commands on the IP-rule aggregate. */
public sealed interface IpRuleCommand {

    /** The rule the command is about. */
    String ruleId();

    /** The scope the caller acts in: a global rule is not found through a tenant's path, and the reverse. */
    IpRuleScope scope();

    /** The tenant the caller acts for ({@code TENANT} scope), or null ({@code GLOBAL}). */
    String tenantId();

    /** Create a rule; {@code cidr}, {@code reason} and {@code expiresAt} are checked by {@link IpRuleRules}. */
    record CreateIpRule(
            String ruleId,
            IpRuleScope scope,
            String tenantId,
            IpRuleAction action,
            String cidr,
            String reason,
            Instant expiresAt,
            Instant at)
            implements IpRuleCommand {}

    /** Delete a rule; deleting a rule that no longer applies (deleted, expired) changes nothing. */
    record DeleteIpRule(String ruleId, IpRuleScope scope, String tenantId, Instant at) implements IpRuleCommand {}

    /** Mark a rule expired once its expiry has passed; emits nothing before then or for a rule not active. */
    record ExpireIpRule(String ruleId, IpRuleScope scope, String tenantId, Instant at) implements IpRuleCommand {}
}
