package io.keygate.events.policy;

/** Events of the plan aggregate, published to {@code keygate.policies} keyed by plan id. */
public sealed interface PlanEvent extends PolicyEvent permits PlanCreated, PlanUpdated, PlanRetired {

    /** The plan's full state after the event (event-carried state). */
    PlanState plan();

    @Override
    default String aggregateId() {
        return plan().planId();
    }

    @Override
    default String tenantId() {
        return plan().tenantId();
    }
}
