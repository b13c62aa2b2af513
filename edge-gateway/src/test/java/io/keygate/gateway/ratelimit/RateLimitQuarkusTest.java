package io.keygate.gateway.ratelimit;

import static io.keygate.gateway.testdata.ApiKeyBuilder.anApiKey;
import static io.keygate.gateway.testdata.RouteBuilder.aRoute;
import static io.keygate.gateway.testdata.SubscriptionBuilder.aSubscription;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.keygate.events.credential.ApiKeyHasher;
import io.keygate.events.policy.PlanCreated;
import io.keygate.events.policy.PlanQuota;
import io.keygate.events.policy.PlanRateLimit;
import io.keygate.events.policy.PlanRateLimitMode;
import io.keygate.events.policy.PlanState;
import io.keygate.events.policy.PlanStatus;
import io.keygate.events.policy.RouteDefined;
import io.keygate.events.policy.RouteState;
import io.keygate.events.policy.SubscriptionApproved;
import io.keygate.events.token.ApiKeyIssued;
import io.keygate.events.token.ApiKeyState;
import io.keygate.events.token.QuotaRefill;
import io.keygate.events.token.RateLimit;
import io.keygate.events.token.RateLimitPeriod;
import io.keygate.gateway.proxy.ProxyServer;
import io.keygate.gateway.state.GatewayState;
import io.keygate.gateway.support.EchoUpstream;
import io.keygate.gateway.support.StateEvents;
import io.keygate.gateway.testdata.ApiKeyBuilder;
import io.keygate.testkit.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rate limits and quotas of keys and plans, enforced by the gateway in its default (local) mode. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
class RateLimitQuarkusTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    static EchoUpstream upstream;
    static StateEvents events;

    @Inject
    ProxyServer proxy;

    @Inject
    GatewayState state;

    @Inject
    ApiKeyHasher hasher;

    @BeforeAll
    static void startUpstreamAndProducer() {
        upstream = EchoUpstream.start();
        events = StateEvents.connect();
    }

    @AfterAll
    static void stopUpstreamAndProducer() {
        events.close();
        upstream.close();
    }

    @BeforeEach
    void awaitStateCaughtUp() {
        await().atMost(Duration.ofSeconds(60)).until(state::isReady);
    }

    /** The path to call and the key to call it with. */
    record Caller(String path, String secret) {}

    /** A route, a key made by {@code key} and the key's approved subscription on {@code planId}. */
    Caller callerWith(UnaryOperator<ApiKeyBuilder> key, String planId) {
        String tenant = "tenant-" + UUID.randomUUID();
        RouteState route = aRoute().ofTenant(tenant)
                .onPrefix("/" + tenant + "/orders")
                .toUpstream(upstream.url())
                .build();
        events.publish(1, new RouteDefined(route));
        String secret = "kg_test_" + UUID.randomUUID();
        ApiKeyState issued = key.apply(anApiKey().ofTenant(tenant).withHash(hasher.hash(secret)))
                .build();
        events.publish(1, new ApiKeyIssued(issued));
        events.publish(
                2,
                new SubscriptionApproved(aSubscription(issued, route.apiId(), tenant)
                        .onPlan(planId)
                        .build()));
        Caller caller = new Caller(route.pathPrefix() + "/1", secret);
        // Until the events are applied (each poll is one call, charged to the caller's limits once admitted).
        await().atMost(Duration.ofSeconds(10)).until(() -> get(caller).statusCode() == 200);
        return caller;
    }

    static String plan(PlanRateLimit rate, PlanQuota quota) {
        return plan(rate, quota, null);
    }

    /** A plan whose limits are counted in {@code mode} (null: the gateway's configured mode). */
    static String plan(PlanRateLimit rate, PlanQuota quota, PlanRateLimitMode mode) {
        String planId = "plan_" + UUID.randomUUID().toString().replace("-", "");
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        events.publish(
                1,
                new PlanCreated(new PlanState(
                        planId, "owner", "api", "gold", null, rate, quota, mode, PlanStatus.ACTIVE, at, at, null)));
        return planId;
    }

    Response get(Caller caller) {
        return given().baseUri("http://127.0.0.1")
                .port(proxy.port())
                .header("X-API-Key", caller.secret())
                .get(caller.path());
    }

    /** Calls until refused; returns how many calls were admitted before, and the refusal. */
    int admittedUntilRefused(Caller caller, Response[] refusal) {
        for (int admitted = 0; admitted < 1_000; admitted++) {
            Response response = get(caller);
            if (response.statusCode() == 429) {
                refusal[0] = response;
                return admitted;
            }
            assertThat(response.statusCode()).isEqualTo(200);
        }
        throw new AssertionError("never refused");
    }

    @Test
    void aKeysRateLimitAdmitsItsBucketThenAnswers429WithRetryAfterAndTheIetfHeaders() {
        // The warm-up calls of callerWith already spent some of the 20 tokens; one comes back every 3 minutes.
        Caller caller = callerWith(key -> key.limitedTo(new RateLimit(20, RateLimitPeriod.HOUR)), "plan_none");
        Response ok = get(caller);
        assertThat(ok.header("RateLimit-Policy")).isEqualTo("\"key\";q=20;w=3600");
        assertThat(ok.header("RateLimit")).matches("\"key\";r=\\d+;t=\\d+");

        Response[] refusal = new Response[1];
        admittedUntilRefused(caller, refusal);
        Response refused = refusal[0];
        assertThat(refused.contentType()).startsWith(PROBLEM_JSON);
        assertThat(refused.jsonPath().getString("type")).endsWith("/rate-limited");
        assertThat(refused.jsonPath().getInt("status")).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 180L);
        assertThat(refused.header("RateLimit")).startsWith("\"key\";r=0;t=");
    }

    @Test
    void aPlansQuotaIsSharedByTheApplicationsKeysAndRefusedAsQuotaExceeded() {
        String planId = plan(null, new PlanQuota(40, QuotaRefill.DAY));
        Caller caller = callerWith(UnaryOperator.identity(), planId);
        Response ok = get(caller);
        assertThat(ok.header("RateLimit-Policy")).isEqualTo("\"plan-quota\";q=40;w=86400");

        Response[] refusal = new Response[1];
        admittedUntilRefused(caller, refusal);
        assertThat(refusal[0].jsonPath().getString("type")).endsWith("/quota-exceeded");
        Instant now = Instant.now();
        long untilMidnight = Duration.between(
                        now, now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1)))
                .toSeconds();
        assertThat(Long.parseLong(refusal[0].header("Retry-After"))).isBetween(untilMidnight - 5, untilMidnight + 5);
    }

    @Test
    void aPlansBurstAddsToItsRateAndTheTighterOfKeyAndPlanDecides() {
        String planId = plan(new PlanRateLimit(10, RateLimitPeriod.HOUR, 5), null);
        Caller planBound = callerWith(key -> key.limitedTo(new RateLimit(1000, RateLimitPeriod.HOUR)), planId);
        Response[] refusal = new Response[1];
        int admitted = admittedUntilRefused(planBound, refusal);
        // 15 tokens: the warm-up took some of them, so at most 15 are left here.
        assertThat(admitted).isBetween(10, 15);
        assertThat(refusal[0].header("RateLimit-Policy")).isEqualTo("\"key\";q=1000;w=3600, \"plan\";q=10;w=3600");
        assertThat(refusal[0].header("RateLimit")).contains("\"plan\";r=0;");
    }

    @Test
    void aCallerWithoutLimitsGetsNoRateLimitHeaders() {
        Caller caller = callerWith(UnaryOperator.identity(), "plan_none");
        Response ok = get(caller);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.header("RateLimit-Policy")).isNull();
        assertThat(ok.header("RateLimit")).isNull();
    }
}
