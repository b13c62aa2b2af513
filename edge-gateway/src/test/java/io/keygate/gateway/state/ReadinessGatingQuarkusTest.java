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
import io.keygate.gateway.support.ServedTenant;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.Testkit;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fail-closed readiness: while the state consumer is catching up (here: held in that phase by an end offset it has
 * not reached, as after a start on a long topic), readiness is DOWN and the proxy answers every request, a valid key's
 * too, with 503 problem JSON; once caught up, both serve again.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
class ReadinessGatingQuarkusTest {

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
    void whileCatchingUpReadinessIsDownAndEveryRequestGets503() {
        await().atMost(Duration.ofSeconds(60)).until(state::isReady);
        ServedTenant tenant;
        try (TestEventPublisher publisher =
                new TestEventPublisher(Testkit.kafka().bootstrapServers())) {
            tenant = ServedTenant.publish(publisher, hasher, upstream.url());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> get(tenant).statusCode() == 200);

        StateProgress live = state.progress();
        Map<String, Long> farEnd = new HashMap<>(live.endOffsetsAtStart());
        farEnd.put("keygate.tokens-0", Long.MAX_VALUE);
        state.publish(new StateProgress(ConsumerPhase.CATCHING_UP, farEnd, live.positions(), live.lag()));
        try {
            Response refused = get(tenant);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.jsonPath().getString("type")).endsWith("/gateway-not-ready");
            given().get("/q/health/ready")
                    .then()
                    .statusCode(503)
                    .body("checks.find { it.name == 'gateway-state' }.data.phase", equalTo("CATCHING_UP"));
        } finally {
            state.publish(new StateProgress(
                    ConsumerPhase.LIVE,
                    live.endOffsetsAtStart(),
                    state.progress().positions(),
                    0));
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> get(tenant).statusCode() == 200);
        given().get("/q/health/ready").then().statusCode(200).body("status", startsWith("UP"));
    }

    private Response get(ServedTenant tenant) {
        return given().baseUri("http://127.0.0.1")
                .port(proxy.port())
                .header("X-API-Key", tenant.secret())
                .get(tenant.prefix() + "/1");
    }
}
