package io.keygate.gateway.ratelimit;

import io.keygate.gateway.config.GatewayConfig;
import io.keygate.gateway.metrics.GatewayMetrics;
import io.keygate.gateway.state.GatewayKey;
import io.keygate.gateway.state.GatewayState;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.logging.Logger;

/**
 * The gateway's rate limiting as configured under {@code keygate.gateway.rate-limit}: which limits a call has,
 * and the limiter of each proxy event loop — local, or counting in Redis (cluster, hybrid) with the local limiter
 * as the fallback while Redis is unreachable.
 */
@ApplicationScoped
public class RateLimiting {

    private static final Logger LOG = Logger.getLogger(RateLimiting.class);
    private static final long SWEEP_INTERVAL_MILLIS = 10_000;

    private final GatewayConfig.RateLimits config;
    private final GatewayMetrics metrics;
    private final CallLimits limits;
    private final LocalRateLimiter local = new LocalRateLimiter();
    private final RedisAvailability availability;
    private final List<Redis> clients = new CopyOnWriteArrayList<>();

    public RateLimiting(GatewayConfig config, GatewayState state, GatewayMetrics metrics) {
        this.config = config.gateway().rateLimit();
        this.metrics = metrics;
        this.limits = new CallLimits(state.plans());
        this.availability =
                new RedisAvailability(this.config.redisProbeInterval().toNanos() / 1_000);
        metrics.rateLimiting(this);
    }

    /** Which limits a call is held to. */
    public CallLimits limits() {
        return limits;
    }

    /** The configured mode. */
    public RateLimitMode mode() {
        return config.mode();
    }

    /** Whether Redis answers, for the modes that count there. */
    public RedisAvailability redis() {
        return availability;
    }

    /** The local counters (the limiter in local mode, the fallback in the others). */
    public LocalRateLimiter local() {
        return local;
    }

    /** Starts the periodic cleanup of the local counters. */
    public void start(Vertx vertx) {
        vertx.setPeriodic(SWEEP_INTERVAL_MILLIS, id -> local.sweep(nowMicros()));
        LOG.infof("Rate limits counted in %s mode", config.mode());
    }

    /**
     * A limiter for the proxy event loop this is called on (from its verticle's start): each limit goes to the limiter
     * of its mode — the one its plan names, else the configured one. The configured mode's limiter is made now; the
     * others when a call first needs them.
     */
    public RateLimiter forThisEventLoop() {
        Context context = Vertx.currentContext();
        RoutingRateLimiter limiter =
                new RoutingRateLimiter(config.mode(), local, () -> cluster(context), () -> hybrid(context));
        limiter.limiter(config.mode());
        return limiter;
    }

    /** Whether any limit is counted in Redis: the configured mode does, or a plan named such a mode. */
    public boolean countsInRedis() {
        return config.mode() != RateLimitMode.LOCAL || !clients.isEmpty();
    }

    private RedisRateLimiter cluster(Context context) {
        return new RedisRateLimiter(
                context.owner(),
                redisFor(context),
                config.redisKeyPrefix(),
                config.redisTimeout().toMillis(),
                local,
                availability,
                metrics);
    }

    private HybridRateLimiter hybrid(Context context) {
        Vertx vertx = context.owner();
        HybridRateLimiter hybrid = new HybridRateLimiter(
                vertx,
                redisFor(context),
                config.redisKeyPrefix(),
                config.redisTimeout().toMillis(),
                config.hybridLease().toNanos() / 1_000,
                local,
                availability,
                metrics);
        vertx.setPeriodic(SWEEP_INTERVAL_MILLIS, id -> hybrid.sweep(nowMicros()));
        return hybrid;
    }

    /** A Redis client of the event loop of {@code context}, so answers come back on the loop that asked. */
    private Redis redisFor(Context context) {
        // Made in the verticle's start or, for a plan's mode, by a call on the same event loop (whose context is a
        // duplicate of the verticle's, hence not compared).
        if (context == null || !Context.isOnEventLoopThread()) {
            throw new IllegalStateException("A Redis limiter must be created on its proxy event loop");
        }
        Redis redis = Redis.createClient(
                context.owner(),
                new RedisOptions()
                        .setConnectionString(config.redisUrl())
                        .setMaxPoolSize(config.redisPoolSize())
                        .setMaxPoolWaiting(config.redisMaxWaiting()));
        clients.add(redis);
        return redis;
    }

    /** Closes the Redis clients of the event loops. */
    public void stop() {
        clients.forEach(Redis::close);
        clients.clear();
    }

    /** Now, in µs since the epoch. */
    public static long nowMicros() {
        return micros(Instant.now());
    }

    /** An instant in µs since the epoch. */
    public static long micros(Instant instant) {
        return GatewayKey.micros(instant);
    }
}
