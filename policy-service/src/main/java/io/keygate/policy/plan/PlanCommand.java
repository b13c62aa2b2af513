package io.keygate.policy.plan;

import java.time.Instant;

/** Commands on a plan of an API. */
public sealed interface PlanCommand {

    String planId();

    String tenantId();

    String apiId();

    Instant at();

    /** Offer a new plan on an API. */
    record CreatePlan(String planId, String tenantId, String apiId, PlanAttributes attributes, Instant at)
            implements PlanCommand {}

    /** Replace a plan's attributes; subscriptions on it get the new limits. */
    record UpdatePlan(String planId, String tenantId, String apiId, PlanAttributes attributes, Instant at)
            implements PlanCommand {}

    /** Stop offering a plan; existing subscriptions keep it. */
    record RetirePlan(String planId, String tenantId, String apiId, Instant at) implements PlanCommand {}
}
