package io.keygate.gateway.ratelimit;

import io.vertx.core.Future;
import java.util.List;

/**
 * Decides whether a call fits its limits and charges them if it does, all or none. Implementations: in this
 * process only ({@link LocalRateLimiter}), exact across gateways in Redis ({@link RedisRateLimiter}), or local with
 * tokens leased from Redis in batches ({@link HybridRateLimiter}).
 */
public interface RateLimiter {

    /**
     * @param limits    the call's limits (not empty)
     * @param nowMicros the call's arrival, µs since the epoch (cluster limiters use their server's clock instead)
     * @return the decision; never a failed future: a limiter whose store is unreachable decides locally
     */
    Future<LimitDecision> admit(List<Limit> limits, long nowMicros);
}
