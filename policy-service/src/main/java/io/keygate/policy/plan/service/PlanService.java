package io.keygate.policy.plan.service;

import io.keygate.events.policy.ApiStatus;
import io.keygate.events.policy.PlanEvent;
import io.keygate.events.policy.PlanState;
import io.keygate.eventstore.Decision;
import io.keygate.eventstore.EventStore;
import io.keygate.eventstore.ReadModelWriter;
import io.keygate.policy.api.store.ApiProjection;
import io.keygate.policy.plan.Plan;
import io.keygate.policy.plan.PlanAttributes;
import io.keygate.policy.plan.PlanCommand;
import io.keygate.policy.plan.PlanCommand.CreatePlan;
import io.keygate.policy.plan.PlanCommand.RetirePlan;
import io.keygate.policy.plan.PlanCommand.UpdatePlan;
import io.keygate.policy.plan.PlanIds;
import io.keygate.policy.plan.PlanRejectedException;
import io.keygate.policy.plan.PlanRejection;
import io.keygate.policy.plan.store.PlanProjection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Handles plan commands. Creating or changing a plan checks, in the command's transaction and under a share
 * lock on the API's row, that the API exists in the tenant and is not retired.
 */
@ApplicationScoped
public class PlanService {

    private final EventStore store;
    private final ReadModelWriter<PlanState, PlanEvent> writer;
    private final Clock clock = Clock.systemUTC();

    PlanService(EventStore store, PlanProjection projection, ApiProjection apis) {
        this.store = store;
        this.writer = ReadModelWriter.checked(
                (tx, decision) -> apis.lockStatus(
                                tx,
                                decision.state().tenantId(),
                                decision.state().apiId())
                        .invoke(status -> {
                            if (status == null) {
                                throw new PlanRejectedException(new PlanRejection.ApiNotUsable(
                                        decision.state().apiId(), false));
                            }
                            if (status != ApiStatus.ACTIVE && decision.state().acceptsSubscriptions()) {
                                throw new PlanRejectedException(new PlanRejection.ApiNotUsable(
                                        decision.state().apiId(), true));
                            }
                        }),
                (tx, decision) -> projection.upsert(tx, decision.state(), decision.version()));
    }

    /** Offers a new plan on a tenant's API. */
    public Uni<PlanState> create(String tenantId, String apiId, PlanAttributes attributes, String correlationId) {
        return execute(new CreatePlan(PlanIds.newId(), tenantId, apiId, attributes, now()), correlationId);
    }

    /** Replaces a plan's attributes. */
    public Uni<PlanState> update(
            String tenantId, String apiId, String planId, PlanAttributes attributes, String correlationId) {
        return execute(new UpdatePlan(planId, tenantId, apiId, attributes, now()), correlationId);
    }

    /** Stops offering a plan; existing subscriptions keep it. */
    public Uni<PlanState> retire(String tenantId, String apiId, String planId, String correlationId) {
        return execute(new RetirePlan(planId, tenantId, apiId, now()), correlationId);
    }

    private Uni<PlanState> execute(PlanCommand command, String correlationId) {
        Uni<Decision<PlanState, PlanEvent>> decision = command instanceof CreatePlan
                ? store.create(Plan.DECIDER, command, now(), correlationId, writer)
                : store.execute(Plan.DECIDER, command.planId(), command, now(), correlationId, writer);
        return decision.map(Decision::state);
    }

    private Instant now() {
        // Microseconds: what PostgreSQL stores, so a reloaded state equals the published one.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
