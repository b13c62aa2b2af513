package io.keygate.policy.plan;

import io.keygate.events.policy.PlanRateLimit;

/** The bounds of a plan's attributes; the first broken one is rejected naming its field. */
public final class PlanRules {

    static final int MAX_NAME = 100;
    static final int MAX_DESCRIPTION = 1000;
    /** A billion requests per period is far beyond any plan; anything more is a typo. */
    static final long MAX_RATE = 1_000_000_000L;
    /** Requests a quota may allow per period. */
    static final long MAX_QUOTA = 1_000_000_000_000L;

    private PlanRules() {}

    /** The attributes, if every rule holds. */
    public static PlanAttributes check(PlanAttributes attributes) {
        String name = attributes.name() == null ? "" : attributes.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw invalid("name", "1 to " + MAX_NAME + " characters, not blank");
        }
        if (attributes.description() != null && attributes.description().length() > MAX_DESCRIPTION) {
            throw invalid("description", "at most " + MAX_DESCRIPTION + " characters");
        }
        PlanRateLimit rate = attributes.rateLimit();
        if (rate != null && rate.requests() > MAX_RATE) {
            throw invalid("rateLimit.requests", "at most " + MAX_RATE);
        }
        if (rate != null && rate.burst() > rate.requests() * 10) {
            throw invalid("rateLimit.burst", "at most ten times rateLimit.requests");
        }
        if (attributes.quota() != null && attributes.quota().requests() > MAX_QUOTA) {
            throw invalid("quota.requests", "at most " + MAX_QUOTA);
        }
        return new PlanAttributes(name, attributes.description(), rate, attributes.quota(), attributes.rateLimitMode());
    }

    private static PlanRejectedException invalid(String field, String message) {
        return new PlanRejectedException(new PlanRejection.InvalidAttribute(field, message));
    }
}
