package io.keygate.policy.iprule.service;

import io.keygate.events.EventEnvelope;
import io.keygate.events.policy.IpRuleAction;
import io.keygate.events.policy.IpRuleEvent;
import io.keygate.events.policy.IpRuleScope;
import io.keygate.events.policy.IpRuleState;
import io.keygate.eventstore.ConcurrencyConflictException;
import io.keygate.eventstore.Decision;
import io.keygate.eventstore.EventMetadata;
import io.keygate.eventstore.EventStore;
import io.keygate.eventstore.ReadModelWriter;
import io.keygate.policy.iprule.IpRule;
import io.keygate.policy.iprule.IpRuleCommand;
import io.keygate.policy.iprule.IpRuleCommand.CreateIpRule;
import io.keygate.policy.iprule.IpRuleCommand.DeleteIpRule;
import io.keygate.policy.iprule.IpRuleCommand.ExpireIpRule;
import io.keygate.policy.iprule.IpRuleRejectedException;
import io.keygate.policy.iprule.IpRuleRejection;
import io.keygate.policy.iprule.store.IpRuleProjection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Handles IP-rule commands: decide, then append the events and update the read model in one transaction. */
@ApplicationScoped
public class IpRuleService {

    private final EventStore store;
    private final ReadModelWriter<IpRuleState, IpRuleEvent> writer;
    private final Clock clock = Clock.systemUTC();

    IpRuleService(EventStore store, IpRuleProjection projection) {
        this.store = store;
        this.writer = (tx, decision) -> projection.upsert(tx, decision.state());
    }

    /** Creates a rule; 409 (Duplicate) if an active rule with the same scope, tenant, action and CIDR exists. */
    public Uni<IpRuleState> create(
            IpRuleScope scope,
            String tenantId,
            IpRuleAction action,
            String cidr,
            String reason,
            Instant expiresAt,
            String correlationId) {
        String ruleId = "ipr_" + EventEnvelope.newEventId().toString().replace("-", "");
        CreateIpRule command = new CreateIpRule(ruleId, scope, tenantId, action, cidr, reason, expiresAt, now());
        return store.create(IpRule.DECIDER, command, command.at(), correlationId, writer)
                .map(Decision::state);
    }

    /**
     * Denies a client address of a tenant because of a critical alert, until {@code expiresAt}. The rule's id is
     * derived from the alert's, and the alert is the event's cause (and correlation), so the audit trail links them and
     * a redelivered alert adds nothing.
     *
     * @return whether a rule was created (false: the alert's rule, or an active deny of that address, exists already)
     */
    public Uni<Boolean> blockForAlert(
            String tenantId, String clientIp, String alertId, String reason, Instant expiresAt) {
        Instant at = now();
        String ruleId = "ipr_"
                + UUID.nameUUIDFromBytes(("alert:" + alertId).getBytes(StandardCharsets.UTF_8))
                        .toString()
                        .replace("-", "");
        CreateIpRule command = new CreateIpRule(
                ruleId, IpRuleScope.TENANT, tenantId, IpRuleAction.DENY, clientIp, reason, expiresAt, at);
        return store.create(
                        IpRule.DECIDER,
                        command,
                        new EventMetadata(at, alertId, alertId, "alert:" + alertId, null),
                        writer)
                .map(decision -> true)
                .onFailure(failure -> failure instanceof ConcurrencyConflictException
                        || (failure instanceof IpRuleRejectedException rejected
                                && rejected.rejection() instanceof IpRuleRejection.Duplicate))
                .recoverWithItem(false);
    }

    /** Deletes a rule; deleting one that no longer applies returns it unchanged. */
    public Uni<IpRuleState> delete(IpRuleScope scope, String tenantId, String ruleId, String correlationId) {
        return execute(new DeleteIpRule(ruleId, scope, tenantId, now()), correlationId)
                .map(Decision::state);
    }

    /**
     * Marks a rule expired if its expiry has passed and it is still active.
     *
     * @return whether an event was appended
     */
    public Uni<Boolean> expire(IpRuleState rule, String correlationId) {
        return execute(new ExpireIpRule(rule.ruleId(), rule.scope(), rule.tenantId(), now()), correlationId)
                .map(Decision::changed);
    }

    private Uni<Decision<IpRuleState, IpRuleEvent>> execute(IpRuleCommand command, String correlationId) {
        return store.execute(IpRule.DECIDER, command.ruleId(), command, now(), correlationId, writer);
    }

    private Instant now() {
        // Microseconds: what PostgreSQL stores, so a reloaded state equals the published one.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
