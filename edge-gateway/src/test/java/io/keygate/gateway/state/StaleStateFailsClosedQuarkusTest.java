package io.keygate.gateway.state;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.keygate.events.credential.ApiKeyHasher;
import io.keygate.events.testing.TestEventPublisher;
import io.keygate.gateway.proxy.ProxyServer;
import io.keygate.gateway.support.EchoUpstream;
import io.keygate.gateway.support.GatewayAdmin;
import io.keygate.gateway.support.ServedTenant;
import io.keygate.testkit.KafkaBroker;
import io.keygate.testkit.RestartableKafkaBrokerResource;
import io.keygate.testkit.TestSessions;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With a maximum staleness, a gateway cut off from Kafka for longer fails closed, and serves again once fresh. */
@QuarkusTest
@TestProfile(StaleStateFailsClosedQuarkusTest.ShortMaxStaleness.class)
@QuarkusTestResource(value = RestartableKafkaBrokerResource.class, restrictToAnnotatedClass = true)
class StaleStateFailsClosedQuarkusTest {

    /** Fails closed after 3 s without proof of freshness, checked twice a second. */
    public static class ShortMaxStaleness implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "keygate.gateway.state.max-staleness", "3s",
                    "keygate.gateway.state.freshness-check-interval", "500ms");
        }
    }

    private static EchoUpstream upstream;

    @Inject
    ProxyServer proxy;

    @Inject
    GatewayState state;

    @Inject
    ApiKeyHasher hasher;

    @BeforeAll
    static void startUpstream() {
        upstream = EchoUpstream.start();
    }

    @AfterAll
    static void stopUpstream() {
        upstream.close();
    }

    @Test
    void pastTheMaximumStalenessRequestsGet503AndReadinessIsDownUntilKafkaIsBack() {
        await().atMost(Duration.ofSeconds(60)).until(state::isReady);
        KafkaBroker broker = RestartableKafkaBrokerResource.broker();
        ServedTenant tenant;
        try (TestEventPublisher publisher = new TestEventPublisher(broker.bootstrapServers())) {
            tenant = ServedTenant.publish(publisher, hasher, upstream.url());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> get(tenant).statusCode() == 200);

        broker.stop();
        try {
            Response refused =
                    await().atMost(Duration.ofSeconds(60)).until(() -> get(tenant), r -> r.statusCode() == 503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.jsonPath().getString("type")).endsWith("/gateway-state-stale");
            assertThat(refused.header("Retry-After")).isNotNull();
            assertThat(GatewayAdmin.stalenessGaugeSeconds()).isGreaterThan(3);
            given().get("/q/health/ready")
                    .then()
                    .statusCode(503)
                    .body("checks.find { it.name == 'gateway-state' }.data.tooStale", equalTo(true))
                    .body("checks.find { it.name == 'gateway-state' }.data.phase", equalTo("LIVE"));
            given().header("Authorization", "Bearer " + TestSessions.platformAdmin())
                    .get("/gateway/state")
                    .then()
                    .body("ready", equalTo(false));
            given().get("/q/metrics")
                    .then()
                    .body(org.hamcrest.Matchers.containsString(
                            "keygate_gateway_requests_total{outcome=\"STATE_TOO_STALE\""))
                    .body(org.hamcrest.Matchers.containsString("keygate_gateway_state_ready 0.0"));
        } finally {
            Instant restartedAt = Instant.now();
            broker.restart();
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> GatewayAdmin.freshAsOf().isAfter(restartedAt));
        }

        get(tenant).then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200).body("status", startsWith("UP"));
    }

    private Response get(ServedTenant tenant) {
        return given().baseUri("http://127.0.0.1")
                .port(proxy.port())
                .header("X-API-Key", tenant.secret())
                .get(tenant.prefix() + "/1");
    }
}
