package io.keygate.policy.plan;

import io.keygate.events.policy.PlanQuota;
import io.keygate.events.policy.PlanRateLimit;
import io.keygate.events.policy.PlanRateLimitMode;

/**
 * What a plan's owner sets: everything but its identity and lifecycle.
 *
 * @param name        human name
 * @param description free text, or null
 * @param rateLimit   the rate limit, or null for none
 * @param quota       the quota, or null for none
 * @param rateLimitMode where gateways count the rate limit and quota, or null for each gateway's configured mode
 */
public record PlanAttributes(
        String name, String description, PlanRateLimit rateLimit, PlanQuota quota, PlanRateLimitMode rateLimitMode) {}
