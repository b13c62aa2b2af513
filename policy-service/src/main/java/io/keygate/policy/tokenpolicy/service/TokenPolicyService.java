package io.keygate.policy.tokenpolicy.service;

import io.keygate.events.policy.TokenPolicyEvent;
import io.keygate.events.policy.TokenPolicyState;
import io.keygate.eventstore.Decision;
import io.keygate.eventstore.EventStore;
import io.keygate.eventstore.ReadModelWriter;
import io.keygate.policy.tokenpolicy.SetTokenPolicy;
import io.keygate.policy.tokenpolicy.TokenPolicy;
import io.keygate.policy.tokenpolicy.store.TokenPolicyProjection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Sets tenants' token policies: decide, then append the event and update the read model in one transaction. */
@ApplicationScoped
public class TokenPolicyService {

    private final EventStore store;
    private final ReadModelWriter<TokenPolicyState, TokenPolicyEvent> writer;
    private final Clock clock = Clock.systemUTC();

    TokenPolicyService(EventStore store, TokenPolicyProjection projection) {
        this.store = store;
        this.writer = (tx, decision) -> projection.upsert(tx, decision.state());
    }

    /** Sets the policy in full; a set that changes nothing returns the policy unchanged (no event). */
    public Uni<TokenPolicyState> set(
            String tenantId,
            Duration maxKeyLifetime,
            boolean expiryRequired,
            Duration maxKeyAge,
            int rotationWarningDays,
            boolean forceExpiryWhenTooOld,
            List<String> allowedCidrs,
            String correlationId) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        SetTokenPolicy command = new SetTokenPolicy(
                tenantId,
                maxKeyLifetime,
                expiryRequired,
                maxKeyAge,
                rotationWarningDays,
                forceExpiryWhenTooOld,
                allowedCidrs,
                at);
        return store.execute(
                        TokenPolicy.DECIDER,
                        TokenPolicyState.aggregateIdOf(tenantId),
                        command,
                        at,
                        correlationId,
                        writer)
                .map(Decision::state);
    }
}
