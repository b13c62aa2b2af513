package io.keygate.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.events.policy.PlanRateLimit;
import io.keygate.events.policy.PlanRateLimitMode;
import io.keygate.events.token.RateLimit;
import io.keygate.events.token.RateLimitPeriod;
import io.keygate.gateway.metrics.GatewayMetrics;
import io.keygate.gateway.state.GatewayState;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.Testkit;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A gateway configured to count locally, enforcing a plan that names cluster mode: the plan's limit is counted in
 * the shared Redis (another gateway's limiter sees the same budget), the key's own limit stays local. Also runs the
 * local-mode tests it extends, which must hold with Redis configured.
 */
@QuarkusTest
@TestProfile(PlanModeRateLimitQuarkusTest.LocalModeWithRedis.class)
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
class PlanModeRateLimitQuarkusTest extends RateLimitQuarkusTest {

    private static final String KEY_PREFIX = "keygate:rl:";

    /** Local mode by configuration, with the testkit's Redis for the plans that name another mode. */
    public static class LocalModeWithRedis implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // A loaded build machine can take longer than the production timeout to answer: this test is about where
            // limits are counted, not about how fast.
            return Map.of(
                    "keygate.gateway.rate-limit.mode",
                    "local",
                    "keygate.gateway.rate-limit.redis-url",
                    Testkit.redis().url(),
                    "keygate.gateway.rate-limit.redis-key-prefix",
                    KEY_PREFIX,
                    "keygate.gateway.rate-limit.redis-timeout",
                    "10s");
        }
    }

    private static Vertx vertx;
    private static Context loop;
    private static Redis redis;

    @BeforeAll
    static void connectTheOtherGateway() {
        vertx = Vertx.vertx();
        loop = vertx.getOrCreateContext();
        redis = Redis.createClient(
                vertx, new RedisOptions().setConnectionString(Testkit.redis().url()));
    }

    @AfterAll
    static void closeTheOtherGateway() throws Exception {
        redis.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static <T> T onLoop(Supplier<Future<T>> call) throws Exception {
        return Future.<T>future(promise -> loop.runOnContext(v -> call.get().onComplete(promise)))
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    @Test
    void aPlanInClusterModeSharesItsBudgetWithOtherGatewaysWhileTheKeyCountsLocally() throws Exception {
        String planId = plan(new PlanRateLimit(20, RateLimitPeriod.HOUR, 0), null, PlanRateLimitMode.CLUSTER);
        Caller caller = callerWith(key -> key.limitedTo(new RateLimit(100, RateLimitPeriod.HOUR)), planId);

        // The plan's bucket lives in Redis, under the subscription and plan.
        List<String> buckets = onLoop(() -> redis.send(Request.cmd(Command.KEYS).arg(KEY_PREFIX + "p:*:" + planId))
                .map(keys -> keys.stream().map(Object::toString).toList()));
        assertThat(buckets).singleElement();
        Limit plan = Limit.rate("plan", buckets.get(0).substring(KEY_PREFIX.length()), 20, RateLimitPeriod.HOUR, 20);

        // Another gateway, in cluster mode, spends all but 5 of what is left.
        RateLimiter other = new RedisRateLimiter(
                vertx,
                redis,
                KEY_PREFIX,
                10_000,
                new LocalRateLimiter(),
                new RedisAvailability(1_000_000),
                new GatewayMetrics(new SimpleMeterRegistry(), new GatewayState()));
        long left = onLoop(() -> other.admit(List.of(plan), RateLimiting.nowMicros()))
                .remaining()[0];
        for (long spent = 0; spent < left - 5; spent++) {
            assertThat(onLoop(() -> other.admit(List.of(plan), RateLimiting.nowMicros()))
                            .admitted())
                    .isTrue();
        }

        Response[] refusal = new Response[1];
        assertThat(admittedUntilRefused(caller, refusal))
                .as("this gateway gets only what the other left of the shared budget")
                .isEqualTo(5);
        assertThat(refusal[0].jsonPath().getString("type")).endsWith("/rate-limited");
        assertThat(refusal[0].header("RateLimit-Policy")).isEqualTo("\"key\";q=100;w=3600, \"plan\";q=20;w=3600");
        assertThat(refusal[0].header("RateLimit")).contains("\"plan\";r=0;");
        assertThat(onLoop(() -> other.admit(List.of(plan), RateLimiting.nowMicros()))
                        .admitted())
                .isFalse();

        // A refusal by the plan's limit charges the key's local limit nothing: it stays where it was.
        String keyState = keyRemaining(refusal[0]);
        assertThat(keyRemaining(get(caller))).isEqualTo(keyState);
        assertThat(RestAssured.get("/q/health/ready")
                        .jsonPath()
                        .getString("checks.find { it.name == 'rate-limiting' }.data.redis"))
                .isEqualTo("reachable");
    }

    private static String keyRemaining(Response response) {
        String state = response.header("RateLimit");
        return state.substring(0, state.indexOf(';', state.indexOf(";r=") + 1));
    }
}
