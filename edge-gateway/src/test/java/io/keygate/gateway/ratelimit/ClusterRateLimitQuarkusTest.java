package io.keygate.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.events.token.RateLimit;
import io.keygate.events.token.RateLimitPeriod;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.Testkit;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The same enforcement with limits counted in a real Redis (cluster mode), and readiness telling where. */
@QuarkusTest
@TestProfile(ClusterRateLimitQuarkusTest.ClusterMode.class)
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
class ClusterRateLimitQuarkusTest extends RateLimitQuarkusTest {

    /** Rate limits counted in the testkit's Redis. */
    public static class ClusterMode implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // A loaded build machine can take longer than the production timeout (50 ms) to answer: this test is about
            // where limits are counted, not about how fast.
            return Map.of(
                    "keygate.gateway.rate-limit.mode",
                    "cluster",
                    "keygate.gateway.rate-limit.redis-url",
                    Testkit.redis().url(),
                    "keygate.gateway.rate-limit.redis-timeout",
                    "10s");
        }
    }

    @Inject
    RateLimiting rateLimiting;

    @Test
    void limitsAreCountedInRedisAndReadinessSaysSo() {
        Caller caller = callerWith(key -> key.limitedTo(new RateLimit(20, RateLimitPeriod.HOUR)), "plan_none");
        get(caller);
        assertThat(rateLimiting.redis().unreachableSince()).isNull();
        assertThat(RestAssured.get("/q/metrics").asString())
                .as("every call was decided in Redis")
                .contains("keygate_gateway_ratelimit_decided_locally_total 0.0")
                .contains("keygate_gateway_ratelimit_redis_reachable 1.0");
        Response ready = RestAssured.get("/q/health/ready");
        assertThat(ready.jsonPath().getString("checks.find { it.name == 'rate-limiting' }.data.mode"))
                .isEqualTo("CLUSTER");
        assertThat(ready.jsonPath().getString("checks.find { it.name == 'rate-limiting' }.data.redis"))
                .isEqualTo("reachable");
    }
}
