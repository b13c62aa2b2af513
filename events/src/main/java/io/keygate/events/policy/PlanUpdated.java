package io.keygate.events.policy;

/**
 * A plan's name, description, rate limit or quota changed; subscriptions on it get the new limits. Type {@code io.keygate.plan.updated.v1}.
 *
 * @param plan the plan's state: the new state
 */
public record PlanUpdated(PlanState plan) implements PlanEvent {}
