package io.keygate.events.token;

import java.util.Objects;

/**
 * At most {@code requests} calls per {@code per} window for one API key, enforced by the gateways.
 *
 * @param requests calls allowed per window, at least 1
 * @param per      the window
 */
public record RateLimit(long requests, RateLimitPeriod per) {

    public RateLimit {
        if (requests < 1) {
            throw new IllegalArgumentException("requests must be at least 1");
        }
        Objects.requireNonNull(per, "per");
    }
}
