package io.keygate.token.apikey.rest;

import io.keygate.events.token.RateLimit;
import io.keygate.events.token.RateLimitPeriod;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A key's rate limit in requests and responses.
 *
 * @param requests calls allowed per window, at least 1
 * @param per      {@code SECOND}, {@code MINUTE} or {@code HOUR}
 */
public record RateLimitBody(
        @NotNull @Min(1) Long requests, @NotNull RateLimitPeriod per) {

    RateLimit toRateLimit() {
        return new RateLimit(requests, per);
    }

    static RateLimitBody of(RateLimit limit) {
        return limit == null ? null : new RateLimitBody(limit.requests(), limit.per());
    }
}
