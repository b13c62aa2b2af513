package io.keygate.gateway.ratelimit;

/** Where rate limits and quotas are counted. */
public enum RateLimitMode {
    /** In each gateway process: no network hop; N gateways admit up to N times a limit. */
    LOCAL,
    /** In Redis, exactly, one round trip per limited call (a Lua script evaluates and charges every limit). */
    CLUSTER,
    /**
     * In each gateway, spending tokens leased from the Redis bucket in batches: Redis sees one call per batch, the
     * overshoot is zero and the undershoot bounded by the batches left unspent.
     */
    HYBRID
}
