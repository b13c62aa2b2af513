package io.keygate.policy.plan;

import io.keygate.events.policy.PlanCreated;
import io.keygate.events.policy.PlanEvent;
import io.keygate.events.policy.PlanRetired;
import io.keygate.events.policy.PlanState;
import io.keygate.events.policy.PlanStatus;
import io.keygate.events.policy.PlanUpdated;
import io.keygate.eventstore.Decider;
import io.keygate.policy.plan.PlanCommand.CreatePlan;
import io.keygate.policy.plan.PlanCommand.RetirePlan;
import io.keygate.policy.plan.PlanCommand.UpdatePlan;
import java.util.List;

/**
 * The plan aggregate as two pure functions. Whether the API exists and is active is checked by the service in
 * the command's transaction, not here: the API is another aggregate.
 */
public final class Plan {

    /** The aggregate type of plans in the event store. */
    public static final String AGGREGATE_TYPE = "plan";

    /** The rules below as the event store runs them. */
    public static final Decider<PlanCommand, PlanState, PlanEvent> DECIDER =
            Decider.of(AGGREGATE_TYPE, Plan::decide, Plan::evolve);

    private Plan() {}

    /** The events a command produces from {@code state} (null if the plan does not exist). */
    public static List<PlanEvent> decide(PlanCommand command, PlanState state) {
        if (command instanceof CreatePlan create) {
            if (state != null) {
                throw new PlanRejectedException(new PlanRejection.AlreadyExists(create.planId()));
            }
            PlanAttributes attributes = PlanRules.check(create.attributes());
            return List.of(new PlanCreated(new PlanState(
                    create.planId(),
                    create.tenantId(),
                    create.apiId(),
                    attributes.name(),
                    attributes.description(),
                    attributes.rateLimit(),
                    attributes.quota(),
                    attributes.rateLimitMode(),
                    PlanStatus.ACTIVE,
                    create.at(),
                    create.at(),
                    null)));
        }
        PlanState existing = existing(command, state);
        if (command instanceof UpdatePlan update) {
            if (!existing.acceptsSubscriptions()) {
                throw new PlanRejectedException(new PlanRejection.Retired(existing.planId()));
            }
            PlanAttributes next = PlanRules.check(update.attributes());
            if (next.equals(new PlanAttributes(
                    existing.name(),
                    existing.description(),
                    existing.rateLimit(),
                    existing.quota(),
                    existing.rateLimitMode()))) {
                return List.of();
            }
            return List.of(new PlanUpdated(new PlanState(
                    existing.planId(),
                    existing.tenantId(),
                    existing.apiId(),
                    next.name(),
                    next.description(),
                    next.rateLimit(),
                    next.quota(),
                    next.rateLimitMode(),
                    existing.status(),
                    existing.createdAt(),
                    update.at(),
                    null)));
        }
        if (!existing.acceptsSubscriptions()) {
            return List.of();
        }
        RetirePlan retire = (RetirePlan) command;
        return List.of(new PlanRetired(new PlanState(
                existing.planId(),
                existing.tenantId(),
                existing.apiId(),
                existing.name(),
                existing.description(),
                existing.rateLimit(),
                existing.quota(),
                existing.rateLimitMode(),
                PlanStatus.RETIRED,
                existing.createdAt(),
                retire.at(),
                retire.at())));
    }

    /** The state after an event: the state it carries. */
    public static PlanState evolve(PlanState state, PlanEvent event) {
        return event.plan();
    }

    /** The state, if the plan exists on the command's API of the command's tenant. */
    private static PlanState existing(PlanCommand command, PlanState state) {
        if (state == null
                || !state.tenantId().equals(command.tenantId())
                || !state.apiId().equals(command.apiId())) {
            throw new PlanRejectedException(new PlanRejection.NotFound(command.planId()));
        }
        return state;
    }
}
