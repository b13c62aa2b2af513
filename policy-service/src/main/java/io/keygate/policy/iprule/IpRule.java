package io.keygate.policy.iprule;

import io.keygate.events.policy.IpRuleCreated;
import io.keygate.events.policy.IpRuleDeleted;
import io.keygate.events.policy.IpRuleEvent;
import io.keygate.events.policy.IpRuleExpired;
import io.keygate.events.policy.IpRuleState;
import io.keygate.events.policy.IpRuleStatus;
import io.keygate.eventstore.Decider;
import io.keygate.policy.iprule.IpRuleCommand.CreateIpRule;
import io.keygate.policy.iprule.IpRuleCommand.DeleteIpRule;
import io.keygate.policy.iprule.IpRuleCommand.ExpireIpRule;
import java.util.List;
import java.util.Objects;

/**
 * The IP-rule aggregate as two pure functions: {@link #decide} checks a command against the state and returns
 * the events (or throws an {@link IpRuleRejectedException}); {@link #evolve} folds an event into the state.
 * Uniqueness of active rules across aggregates is the read model's job (a unique index), not this one's.
 */
public final class IpRule {

    /** The aggregate type of IP rules in the event store. */
    public static final String AGGREGATE_TYPE = "ip-rule";

    /** The rules below as the event store runs them. */
    public static final Decider<IpRuleCommand, IpRuleState, IpRuleEvent> DECIDER =
            Decider.of(AGGREGATE_TYPE, IpRule::decide, IpRule::evolve);

    private IpRule() {}

    /** The events a command produces from {@code state} (null if the rule does not exist). */
    public static List<IpRuleEvent> decide(IpRuleCommand command, IpRuleState state) {
        if (command instanceof CreateIpRule create) {
            return create(create, state);
        }
        if (command instanceof DeleteIpRule delete) {
            IpRuleState rule = existing(delete, state);
            return rule.status() == IpRuleStatus.ACTIVE
                    ? List.of(new IpRuleDeleted(rule.withStatus(IpRuleStatus.DELETED, delete.at(), rule.version() + 1)))
                    : List.of();
        }
        ExpireIpRule expire = (ExpireIpRule) command;
        IpRuleState rule = existing(expire, state);
        if (rule.status() != IpRuleStatus.ACTIVE
                || rule.expiresAt() == null
                || expire.at().isBefore(rule.expiresAt())) {
            return List.of();
        }
        return List.of(new IpRuleExpired(rule.withStatus(IpRuleStatus.EXPIRED, expire.at(), rule.version() + 1)));
    }

    /** The state after an event. */
    public static IpRuleState evolve(IpRuleState state, IpRuleEvent event) {
        return event.rule();
    }

    private static List<IpRuleEvent> create(CreateIpRule create, IpRuleState state) {
        if (state != null) {
            throw new IllegalStateException("IP rule id " + create.ruleId() + " is taken");
        }
        Objects.requireNonNull(create.action(), "action");
        String cidr = IpRuleRules.normaliseCidr(create.cidr());
        String reason = IpRuleRules.requireReason(create.reason());
        IpRuleRules.requireFutureExpiry(create.expiresAt(), create.at());
        return List.of(new IpRuleCreated(new IpRuleState(
                create.ruleId(),
                create.scope(),
                create.tenantId(),
                create.action(),
                cidr,
                reason,
                create.expiresAt(),
                IpRuleStatus.ACTIVE,
                create.at(),
                create.at(),
                1)));
    }

    /** The state, if the rule exists in the command's scope (and tenant). */
    private static IpRuleState existing(IpRuleCommand command, IpRuleState state) {
        if (state == null
                || state.scope() != command.scope()
                || !Objects.equals(state.tenantId(), command.tenantId())) {
            throw new IpRuleRejectedException(new IpRuleRejection.NotFound(command.ruleId()));
        }
        return state;
    }
}
