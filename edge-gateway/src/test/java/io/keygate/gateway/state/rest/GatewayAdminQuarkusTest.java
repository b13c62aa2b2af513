package io.keygate.gateway.state.rest;

import static io.keygate.gateway.testdata.ApiKeyBuilder.anApiKey;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.keygate.events.Topic;
import io.keygate.events.token.ApiKeyIssued;
import io.keygate.events.token.ApiKeyState;
import io.keygate.gateway.state.GatewayState;
import io.keygate.gateway.support.StateEvents;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.TestSessions;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
class GatewayAdminQuarkusTest {

    @Inject
    GatewayState state;

    @BeforeEach
    void awaitStateCaughtUp() {
        await().atMost(Duration.ofSeconds(60)).until(state::isReady);
    }

    @Test
    void readinessIsUpAfterCatchUpWithOffsetsInItsData() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'gateway-state' }.data.phase", equalTo("LIVE"))
                .body("checks.find { it.name == 'gateway-state' }.data", hasKey("lag"))
                .body("checks.find { it.name == 'gateway-state' }.data", hasKey("keygate.tokens-0"))
                .body("checks.find { it.name == 'gateway-state' }.data", hasKey("stalenessSeconds"))
                .body("checks.find { it.name == 'gateway-state' }.data.maxStalenessSeconds", equalTo("none"))
                .body("checks.find { it.name == 'gateway-state' }.data.tooStale", equalTo(false));
    }

    @Test
    void livenessIsUpWhileTheStateConsumerRuns() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void openApiDescribesTheAdminApi() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/gateway/state"));
    }

    @Test
    void stateEndpointReportsCountsOffsetsAndReadiness() {
        try (StateEvents events = StateEvents.connect()) {
            events.publish(1, new ApiKeyIssued(anApiKey().build()));
        }

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> given().header("Authorization", "Bearer " + TestSessions.platformAdmin())
                        .get("/gateway/state")
                        .then()
                        .statusCode(200)
                        .body("ready", equalTo(true))
                        .body("phase", equalTo("LIVE"))
                        .body("keys", greaterThanOrEqualTo(1))
                        .body("routes", notNullValue())
                        .body("appliedOffsets", hasKey("keygate.tokens-0"))
                        .body("endOffsetsAtStart", hasKey("keygate.policies-0"))
                        .body("freshAsOf", notNullValue())
                        .body("stalenessSeconds", notNullValue())
                        .body("maxStalenessSeconds", nullValue()));
    }

    @Test
    void unreadableRecordsAreCountedAndDoNotStopTheState() {
        StateEvents.publishGarbage(Topic.TOKENS, "not a cloud event".getBytes(StandardCharsets.UTF_8));
        ApiKeyState after = anApiKey().build();
        try (StateEvents events = StateEvents.connect()) {
            events.publish(1, new ApiKeyIssued(after));
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> state.tokens().find(after.keyHash()) != null);
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("keygate_gateway_state_events_unreadable_total"))
                .body(containsString("keygate_gateway_state_events_total{result=\"applied\""));
    }

    @Test
    void unknownAdminPathIsAProblem() {
        given().get("/gateway/nothing-here")
                .then()
                .statusCode(404)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(404));
    }

    @Test
    void metricsExposeRequestsByOutcomeAndDroppedCallRecords() {
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("keygate_gateway_requests_total{outcome=\"PROXIED\""))
                .body(containsString("keygate_gateway_calls_dropped_total"))
                .body(containsString("keygate_gateway_state_lag"))
                .body(containsString("keygate_gateway_state_staleness_seconds"))
                .body(containsString("keygate_gateway_request_duration_seconds"));
    }
}
