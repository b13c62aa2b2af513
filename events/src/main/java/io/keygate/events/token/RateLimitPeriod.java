package io.keygate.events.token;

/** The window a {@link RateLimit} counts requests over. */
public enum RateLimitPeriod {
    SECOND,
    MINUTE,
    HOUR
}
