package io.keygate.events.policy;

import io.keygate.events.token.RateLimitPeriod;
import java.util.Objects;

/**
 * A plan's rate limit: {@code requests} per {@code per}, with up to {@code burst} requests at once above the
 * steady rate (a token bucket of capacity {@code requests + burst}).
 *
 * @param requests requests allowed per period, at least 1
 * @param per      the period
 * @param burst    extra requests the bucket holds for bursts, 0 or more
 */
public record PlanRateLimit(long requests, RateLimitPeriod per, long burst) {

    public PlanRateLimit {
        if (requests < 1) {
            throw new IllegalArgumentException("requests must be at least 1");
        }
        if (burst < 0) {
            throw new IllegalArgumentException("burst must not be negative");
        }
        Objects.requireNonNull(per, "per");
    }
}
