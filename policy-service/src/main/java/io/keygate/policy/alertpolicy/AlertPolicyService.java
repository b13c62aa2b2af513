package io.keygate.policy.alertpolicy;

import io.keygate.events.policy.AlertPolicyState;
import io.keygate.eventstore.Decision;
import io.keygate.eventstore.EventStore;
import io.keygate.policy.alertpolicy.AlertPolicy.SetAlertPolicy;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Sets tenants' alert policies: decide, then append the event and update the read model in one transaction. */
@ApplicationScoped
public class AlertPolicyService {

    private final EventStore store;
    private final AlertPolicyStore policies;
    private final Clock clock = Clock.systemUTC();

    AlertPolicyService(EventStore store, AlertPolicyStore policies) {
        this.store = store;
        this.policies = policies;
    }

    /** Sets the policy in full; a set that changes nothing returns it unchanged (no event). */
    public Uni<AlertPolicyState> set(
            String tenantId, boolean revokeKeys, boolean blockIps, Duration blockFor, String correlationId) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return store.execute(
                        AlertPolicy.DECIDER,
                        AlertPolicyState.aggregateIdOf(tenantId),
                        new SetAlertPolicy(tenantId, revokeKeys, blockIps, blockFor, at),
                        at,
                        correlationId,
                        (tx, decision) -> policies.upsert(tx, decision.state()))
                .map(Decision::state);
    }
}
