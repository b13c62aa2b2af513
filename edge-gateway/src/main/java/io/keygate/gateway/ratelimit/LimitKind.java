package io.keygate.gateway.ratelimit;

/** What a {@link Limit} counts. */
public enum LimitKind {
    /** Requests per second, minute or hour, with a burst: refused calls get 429 {@code rate-limited}. */
    RATE,
    /** Requests per calendar day or month, or ever: refused calls get 429 {@code quota-exceeded}. */
    QUOTA
}
