package io.keygate.events.policy;

import java.time.Instant;
import java.util.Objects;

/**
 * The full state of a plan of an API, carried by every plan event. A subscription names one plan; the
 * gateway enforces the plan's rate limit and quota per subscription.
 *
 * @param planId      stable id, {@code plan_} + 32 lowercase hex digits
 * @param tenantId    the API's owner tenant
 * @param apiId       the API the plan belongs to
 * @param name        human name, at most 100 characters
 * @param description free text (at most 1000 characters), or null
 * @param rateLimit   the rate limit, or null for none
 * @param quota       the quota, or null for none
 * @param rateLimitMode where gateways count the rate limit and quota, or null for the mode each gateway is
 *                      configured with (added to {@code v1} as an optional field: older consumers ignore it)
 * @param status      lifecycle state
 * @param createdAt   creation time
 * @param updatedAt   time of the last change
 * @param retiredAt   retirement time, or null
 */
public record PlanState(
        String planId,
        String tenantId,
        String apiId,
        String name,
        String description,
        PlanRateLimit rateLimit,
        PlanQuota quota,
        PlanRateLimitMode rateLimitMode,
        PlanStatus status,
        Instant createdAt,
        Instant updatedAt,
        Instant retiredAt) {

    public PlanState {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(apiId, "apiId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** Whether new subscriptions may choose it. (Not a bean getter: it stays out of the JSON.) */
    public boolean acceptsSubscriptions() {
        return status == PlanStatus.ACTIVE;
    }
}
