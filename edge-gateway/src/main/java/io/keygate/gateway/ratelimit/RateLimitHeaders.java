package io.keygate.gateway.ratelimit;

import io.vertx.core.MultiMap;

/**
 * The IETF {@code RateLimit-Policy} and {@code RateLimit} fields (draft-ietf-httpapi-ratelimit-headers) of a
 * decision, one item per limit, e.g. {@code RateLimit-Policy: "key";q=100;w=60, "plan-quota";q=10000;w=86400} and
 * {@code RateLimit: "key";r=41;t=36, "plan-quota";r=9102;t=40112}, plus {@code Retry-After} when refused.
 */
public final class RateLimitHeaders {

    public static final String POLICY = "RateLimit-Policy";
    public static final String STATE = "RateLimit";
    public static final String RETRY_AFTER = "Retry-After";

    private static final long MICROS = 1_000_000L;

    private RateLimitHeaders() {}

    /** Sets the fields of {@code decision} on response headers (nothing when the call had no limit). */
    public static void apply(LimitDecision decision, MultiMap headers) {
        int count = decision.limits().size();
        if (count == 0) {
            return;
        }
        StringBuilder policy = new StringBuilder(32 * count);
        StringBuilder state = new StringBuilder(32 * count);
        for (int i = 0; i < count; i++) {
            Limit limit = decision.limits().get(i);
            if (i > 0) {
                policy.append(", ");
                state.append(", ");
            }
            policy.append('"').append(limit.policy()).append("\";q=").append(limit.quota());
            if (limit.windowSeconds() > 0) {
                policy.append(";w=").append(limit.windowSeconds());
            }
            state.append('"').append(limit.policy()).append("\";r=").append(decision.remaining()[i]);
            if (decision.resetMicros()[i] > 0) {
                state.append(";t=").append(ceilSeconds(decision.resetMicros()[i]));
            }
        }
        headers.set(POLICY, policy.toString());
        headers.set(STATE, state.toString());
        if (!decision.admitted() && decision.retryAfterMicros() > 0) {
            headers.set(RETRY_AFTER, Long.toString(Math.max(1, ceilSeconds(decision.retryAfterMicros()))));
        }
    }

    private static long ceilSeconds(long micros) {
        return (micros + MICROS - 1) / MICROS;
    }
}
