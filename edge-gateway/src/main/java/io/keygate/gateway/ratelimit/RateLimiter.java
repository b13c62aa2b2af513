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

    /**
     * Gives back what an admitted call was charged for {@code limits}, where this limiter can: the call was then
     * refused by a limit counted in another mode. By default nothing is given back (an exact count in Redis is asked
     * last, so it never has to).
     *
     * @param limits    the limits of an earlier admitted decision of this limiter, on this event loop
     * @param nowMicros now, µs since the epoch
     */
    default void refund(List<Limit> limits, long nowMicros) {}
}
