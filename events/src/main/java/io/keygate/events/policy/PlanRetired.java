package io.keygate.events.policy;

/**
 * A plan was retired. Type {@code io.keygate.plan.retired.v1}.
 *
 * @param plan the plan's state:  no new subscriptions may choose it; existing ones keep it:status {@code RETIRED}
 */
public record PlanRetired(PlanState plan) implements PlanEvent {}
