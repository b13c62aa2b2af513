package io.keygate.policy.plan;

import io.keygate.events.policy.PlanQuota;
import io.keygate.events.policy.PlanRateLimit;

/**
 * What a plan's owner sets: everything but its identity and lifecycle.
 *
 * @param name        human name
 * @param description free text, or null
 * @param rateLimit   the rate limit, or null for none
 * @param quota       the quota, or null for none
 */
public record PlanAttributes(String name, String description, PlanRateLimit rateLimit, PlanQuota quota) {}
