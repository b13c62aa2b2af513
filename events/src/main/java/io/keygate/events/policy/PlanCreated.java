package io.keygate.events.policy;

/**
 * A plan was created for an API. Type {@code io.keygate.plan.created.v1}.
 *
 * @param plan the plan's state: status {@code ACTIVE}
 */
public record PlanCreated(PlanState plan) implements PlanEvent {}
