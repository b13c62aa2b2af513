package io.keygate.events.policy;

/**
 * Where gateways count a plan's rate limit and quota. A plan without one is counted in the mode the gateway is
 * configured with.
 */
public enum PlanRateLimitMode {
    /** In each gateway process: no network hop; N gateways admit up to N times the limit. */
    LOCAL,
    /** In the gateways' shared Redis, exactly: one round trip per call. */
    CLUSTER,
    /** In each gateway, spending tokens leased from the shared Redis in batches: never over, slightly under. */
    HYBRID
}
