package io.keygate.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.keygate.events.credential.ApiKeyHasher;
import io.keygate.events.policy.RouteTarget;
import io.keygate.gateway.state.GatewayRoute;
import io.keygate.gateway.state.GatewayState;
import io.keygate.gateway.support.EchoUpstream;
import io.keygate.gateway.support.RoutedTenant;
import io.keygate.gateway.support.SilentUpstream;
import io.keygate.gateway.support.StateEvents;
import io.keygate.testkit.KafkaBrokerResource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Weighted round-robin, passive health, retries, timeouts and strip-prefix against real upstream servers. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
class UpstreamBalancingQuarkusTest {

    private static final Duration EVENT_APPLIED = Duration.ofSeconds(10);

    private static EchoUpstream alpha;
    private static EchoUpstream beta;
    private static SilentUpstream silent;
    private static StateEvents events;

    @Inject
    ProxyServer proxy;

    @Inject
    GatewayState state;

    @Inject
    ApiKeyHasher hasher;

    @Inject
    MeterRegistry registry;

    @BeforeAll
    static void startUpstreams() {
        alpha = EchoUpstream.start("alpha");
        beta = EchoUpstream.start("beta");
        silent = SilentUpstream.start();
        events = StateEvents.connect();
    }

    @AfterAll
    static void stopUpstreams() {
        events.close();
        silent.close();
        beta.close();
        alpha.close();
    }

    @BeforeEach
    void awaitStateCaughtUp() {
        await().atMost(Duration.ofSeconds(60)).until(state::isReady);
    }

    private Response get(RoutedTenant tenant, String path) {
        return given().baseUri("http://127.0.0.1")
                .port(proxy.port())
                .header("X-API-Key", tenant.secret())
                .get(path);
    }

    private Response post(RoutedTenant tenant) {
        return given().baseUri("http://127.0.0.1")
                .port(proxy.port())
                .header("X-API-Key", tenant.secret())
                .body("{}")
                .contentType("application/json")
                .post(tenant.prefix());
    }

    private Response awaitStatus(int status, RoutedTenant tenant) {
        return await().atMost(EVENT_APPLIED)
                .until(() -> get(tenant, tenant.prefix()), response -> response.statusCode() == status);
    }

    private List<String> answeringUpstreams(RoutedTenant tenant, int requests) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            Response response = get(tenant, tenant.prefix());
            assertThat(response.statusCode()).isEqualTo(200);
            names.add(response.header("X-Upstream"));
        }
        return names;
    }

    private GatewayRoute servedRoute(RoutedTenant tenant) {
        return state.routes().match("127.0.0.1", "GET", tenant.prefix());
    }

    private double counted(String meter, RoutedTenant tenant) {
        Counter counter =
                registry.find(meter).tag("route", tenant.route().routeId()).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String deadUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    @Test
    void trafficIsSharedByTheTargetsWeights() {
        RoutedTenant tenant = RoutedTenant.publish(
                events,
                hasher,
                route -> route.toTargets(new RouteTarget(alpha.url(), 3), new RouteTarget(beta.url(), 1)));
        awaitStatus(200, tenant);

        List<String> answered = answeringUpstreams(tenant, 12);

        assertThat(Collections.frequency(answered, "alpha")).isEqualTo(9);
        assertThat(Collections.frequency(answered, "beta")).isEqualTo(3);
    }

    @Test
    void aDeadTargetIsEjectedAndItsGetsAreRetriedOnTheLiveOneUnseen() throws IOException {
        RoutedTenant tenant = RoutedTenant.publish(
                events,
                hasher,
                route -> route.withRetries(1)
                        .toTargets(new RouteTarget(uncheckedDeadUrl(), 1), new RouteTarget(alpha.url(), 1)));
        awaitStatus(200, tenant);

        List<String> answered = answeringUpstreams(tenant, 10);

        assertThat(answered).containsOnly("alpha");
        assertThat(servedRoute(tenant).balancer().isHealthy(0)).isFalse();
        assertThat(counted("keygate.gateway.upstream.ejections", tenant)).isEqualTo(1);
        double retriesAfterEjection = counted("keygate.gateway.upstream.retries", tenant);
        assertThat(retriesAfterEjection).isBetween(1.0, 3.0);

        answeringUpstreams(tenant, 6);

        assertThat(counted("keygate.gateway.upstream.retries", tenant)).isEqualTo(retriesAfterEjection);
    }

    @Test
    void aTargetAnsweringAFailureStatusIsEjectedAfterTheThreshold() {
        try (EchoUpstream failing = EchoUpstream.start("failing", 503)) {
            RoutedTenant tenant = RoutedTenant.publish(
                    events,
                    hasher,
                    route -> route.toTargets(new RouteTarget(failing.url(), 1), new RouteTarget(beta.url(), 1)));
            // The probe may see the failing target's 503 (a first failure) before beta's 200.
            awaitStatus(200, tenant);

            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                statuses.add(get(tenant, tenant.prefix()).statusCode());
            }

            assertThat(Collections.frequency(statuses, 503)).isBetween(2, 3);
            assertThat(statuses.subList(6, 10)).containsOnly(200);
            assertThat(servedRoute(tenant).balancer().isHealthy(0)).isFalse();
            assertThat(counted("keygate.gateway.upstream.ejections", tenant)).isEqualTo(1);
        }
    }

    @Test
    void aPostIsNeverRetried() {
        RoutedTenant tenant = RoutedTenant.publish(
                events,
                hasher,
                route -> route.withRetries(3)
                        .toTargets(new RouteTarget(uncheckedDeadUrl(), 1), new RouteTarget(alpha.url(), 1)));
        // At most one dead attempt (retried) before the first 200: the dead target stays below its ejection threshold.
        awaitStatus(200, tenant);

        List<Integer> statuses = List.of(post(tenant).statusCode(), post(tenant).statusCode());

        assertThat(statuses).containsExactlyInAnyOrder(200, 502);
    }

    @Test
    void aTargetSilentPastTheRoutesReadTimeoutGives504() {
        RoutedTenant tenant = RoutedTenant.publish(
                events, hasher, route -> route.toUpstream(silent.url()).withTimeouts(1_000, 300));

        Response response = awaitStatus(504, tenant);

        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("type")).endsWith("/upstream-timeout");
    }

    @Test
    void aTimedOutGetIsRetriedOnTheNextTarget() {
        RoutedTenant tenant = RoutedTenant.publish(
                events,
                hasher,
                route -> route.withRetries(1)
                        .withTimeouts(1_000, 300)
                        .toTargets(new RouteTarget(silent.url(), 1), new RouteTarget(beta.url(), 1)));
        awaitStatus(200, tenant);

        assertThat(answeringUpstreams(tenant, 2)).containsOnly("beta");
        assertThat(counted("keygate.gateway.upstream.retries", tenant)).isPositive();
    }

    @Test
    void stripPrefixSendsThePathWithoutTheRoutePrefixUnderTheUpstreamBasePath() {
        RoutedTenant tenant = RoutedTenant.publish(
                events, hasher, route -> route.strippingPrefix().toUpstream(alpha.url() + "/v1"));
        awaitStatus(200, tenant);

        assertThat(get(tenant, tenant.prefix() + "/orders/42?expand=items")
                        .jsonPath()
                        .getString("uri"))
                .isEqualTo("/v1/orders/42?expand=items");
        assertThat(get(tenant, tenant.prefix()).jsonPath().getString("uri")).isEqualTo("/v1");
    }

    @Test
    void traceparentIsPassedThroughUnchangedAndNotInventedWhenAbsent() {
        RoutedTenant tenant = RoutedTenant.publish(events, hasher, route -> route.toUpstream(alpha.url()));
        awaitStatus(200, tenant);
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        Response traced = given().baseUri("http://127.0.0.1")
                .port(proxy.port())
                .header("X-API-Key", tenant.secret())
                .header("traceparent", traceparent)
                .get(tenant.prefix());

        assertThat(traced.jsonPath().getString("headers.traceparent")).isEqualTo(traceparent);
        assertThat(get(tenant, tenant.prefix()).jsonPath().getMap("headers")).doesNotContainKey("traceparent");
    }

    private static String uncheckedDeadUrl() {
        try {
            return deadUrl();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
