package io.keygate.gateway.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Says where rate limits are counted. Always UP: an unreachable Redis does not stop the gateway, which then counts
 * limits locally; the details show it ({@code redis: unreachable}, since when, why) for operators and alerts.
 */
@Readiness
@ApplicationScoped
public class RateLimitReadinessCheck implements HealthCheck {

    private final RateLimiting rateLimiting;

    public RateLimitReadinessCheck(RateLimiting rateLimiting) {
        this.rateLimiting = rateLimiting;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("rate-limiting")
                .up()
                .withData("mode", rateLimiting.mode().name());
        if (rateLimiting.countsInRedis()) {
            RedisAvailability redis = rateLimiting.redis();
            if (redis.unreachableSince() == null) {
                response.withData("redis", "reachable");
            } else {
                response.withData("redis", "unreachable: limits counted in this gateway only")
                        .withData(
                                "redisUnreachableSince",
                                redis.unreachableSince().toString())
                        .withData("redisLastFailure", String.valueOf(redis.lastFailure()));
            }
        }
        return response.build();
    }
}
