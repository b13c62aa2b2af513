package io.keygate.gateway.state;

import io.keygate.events.policy.PlanState;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plans by id, as their events last described them: an approved subscription's plan supplies the rate limit and
 * quota its calls are held to. A retired plan stays in force for the subscriptions that still name it, as
 * policy-service leaves them on it.
 *
 * <p>One writer (the state consumer) applies events; request threads read without locks.
 */
public final class PlanIndex {

    private final Map<String, AppliedPlan> byId = new ConcurrentHashMap<>();

    private record AppliedPlan(PlanState state, long sequence) {}

    /**
     * Records a plan's state at an aggregate sequence.
     *
     * @return false when the sequence is not newer than the one already applied (a replay or a duplicate)
     */
    public boolean apply(PlanState plan, long sequence) {
        AppliedPlan previous = byId.get(plan.planId());
        if (previous != null && sequence <= previous.sequence()) {
            return false;
        }
        byId.put(plan.planId(), new AppliedPlan(plan, sequence));
        return true;
    }

    /** The plan with this id, or null if no event described it. */
    public PlanState find(String planId) {
        AppliedPlan applied = planId == null ? null : byId.get(planId);
        return applied == null ? null : applied.state();
    }

    /** Number of plans known, in any status. */
    public int size() {
        return byId.size();
    }
}
