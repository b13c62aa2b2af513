package io.keygate.gateway.ratelimit;

import io.keygate.gateway.metrics.GatewayMetrics;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Counts limits in Redis, exactly across every gateway: one script evaluates and charges all of a call's limits in
 * one round trip. When Redis fails or does not answer within the timeout, the call is decided by the local limiter
 * instead (never refused for Redis's sake), and so are further calls until a probe finds Redis again.
 *
 * <p>One instance per proxy event loop, with its own Redis client, so answers come back on the loop that asked.
 */
public final class RedisRateLimiter implements RateLimiter {

    private final Vertx vertx;
    private final LimitScript script;
    private final LocalRateLimiter fallback;
    private final RedisAvailability availability;
    private final GatewayMetrics metrics;
    private final long timeoutMillis;

    public RedisRateLimiter(
            Vertx vertx,
            Redis redis,
            String keyPrefix,
            long timeoutMillis,
            LocalRateLimiter fallback,
            RedisAvailability availability,
            GatewayMetrics metrics) {
        this.vertx = vertx;
        this.script = new LimitScript(redis, keyPrefix);
        this.timeoutMillis = timeoutMillis;
        this.fallback = fallback;
        this.availability = availability;
        this.metrics = metrics;
        script.load().onFailure(failure -> availability.failed(failure, RateLimiting.nowMicros()));
    }

    @Override
    public Future<LimitDecision> admit(List<Limit> limits, long nowMicros) {
        if (!availability.shouldTry(nowMicros)) {
            metrics.rateLimitDecidedLocally();
            return fallback.admit(limits, nowMicros);
        }
        Promise<LimitDecision> decided = Promise.promise();
        long timer = vertx.setTimer(timeoutMillis, id -> {
            if (decided.tryComplete(
                    fallBack(limits, nowMicros, new TimeoutException("no answer in " + timeoutMillis + " ms")))) {
                metrics.rateLimitDecidedLocally();
            }
        });
        script.take(limits, 1).onComplete(answer -> {
            vertx.cancelTimer(timer);
            if (answer.succeeded()) {
                availability.answered();
                decided.tryComplete(LimitScript.decision(limits, answer.result()));
            } else if (decided.tryComplete(fallBack(limits, nowMicros, answer.cause()))) {
                metrics.rateLimitDecidedLocally();
            }
        });
        return decided.future();
    }

    private LimitDecision fallBack(List<Limit> limits, long nowMicros, Throwable cause) {
        availability.failed(cause, nowMicros);
        return fallback.decide(limits, nowMicros);
    }
}
