package io.keygate.policy.plan.rest;

import static io.keygate.policy.testdata.PolicyCalls.createApi;
import static io.keygate.policy.testdata.PolicyCalls.published;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.keygate.events.policy.PlanCreated;
import io.keygate.events.policy.PlanRateLimitMode;
import io.keygate.events.policy.PlanRetired;
import io.keygate.events.policy.PlanUpdated;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class PlanResourceQuarkusTest {

    private static final Map<String, Object> GOLD = Map.of(
            "name", "gold",
            "rateLimit", Map.of("requests", 100, "per", "SECOND", "burst", 50),
            "quota", Map.of("requests", 1_000_000, "per", "MONTH"));

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);

    private String createPlan(String apiId, Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/tenants/{t}/apis/{a}/plans", tenant, apiId)
                .then()
                .statusCode(201)
                .extract()
                .path("planId");
    }

    @Test
    void aPlanIsCreatedReadListedAndPublishedWithItsLimits() {
        String apiId = createApi(tenant, "private");

        String planId = createPlan(apiId, GOLD);

        given().get("/tenants/{t}/apis/{a}/plans/{p}", tenant, apiId, planId)
                .then()
                .statusCode(200)
                .body("rateLimit.burst", equalTo(50))
                .body("quota.per", equalTo("MONTH"))
                .body("status", equalTo("ACTIVE"));
        given().get("/tenants/{t}/apis/{a}/plans", tenant, apiId)
                .then()
                .statusCode(200)
                .body("planId", hasItem(planId));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(published(planId))
                        .singleElement()
                        .isInstanceOfSatisfying(
                                PlanCreated.class,
                                e -> assertThat(e.plan().rateLimit().requests()).isEqualTo(100)));
    }

    @Test
    void aPlansRateLimitModeIsReadBackAndPublished() {
        String apiId = createApi(tenant, "private");

        String planId = createPlan(
                apiId,
                Map.of(
                        "name",
                        "exact",
                        "rateLimit",
                        Map.of("requests", 1000, "per", "SECOND"),
                        "rateLimitMode",
                        "CLUSTER"));

        given().get("/tenants/{t}/apis/{a}/plans/{p}", tenant, apiId, planId)
                .then()
                .statusCode(200)
                .body("rateLimitMode", equalTo("CLUSTER"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(published(planId))
                        .singleElement()
                        .isInstanceOfSatisfying(
                                PlanCreated.class,
                                e -> assertThat(e.plan().rateLimitMode()).isEqualTo(PlanRateLimitMode.CLUSTER)));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "exact", "rateLimit", Map.of("requests", 1000, "per", "SECOND")))
                .put("/tenants/{t}/apis/{a}/plans/{p}", tenant, apiId, planId)
                .then()
                .statusCode(200)
                .body("rateLimitMode", nullValue());
    }

    @Test
    void anUnknownRateLimitModeIsRefusedNamingTheField() {
        String apiId = createApi(tenant, "private");

        given().contentType(ContentType.JSON)
                .body(Map.of("name", "x", "rateLimitMode", "GLOBAL"))
                .post("/tenants/{t}/apis/{a}/plans", tenant, apiId)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("rateLimitMode"));
        given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("components.schemas.PlanRequest.properties.rateLimitMode.enum", hasItem("HYBRID"));
    }

    @Test
    void aPlanOnAnotherTenantsOrAnUnknownApiIsNotFound() {
        String othersApi = createApi("other-" + tenant, "public");

        given().contentType(ContentType.JSON)
                .body(GOLD)
                .post("/tenants/{t}/apis/{a}/plans", tenant, othersApi)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().get("/tenants/{t}/apis/{a}/plans", tenant, othersApi).then().statusCode(404);
    }

    @Test
    void badLimitsAreRefusedNamingTheField() {
        String apiId = createApi(tenant, "private");

        given().contentType(ContentType.JSON)
                .body(Map.of("name", "x", "rateLimit", Map.of("requests", 10, "per", "MINUTE", "burst", 101)))
                .post("/tenants/{t}/apis/{a}/plans", tenant, apiId)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("rateLimit.burst"));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "x", "quota", Map.of("requests", 10, "per", "WEEK")))
                .post("/tenants/{t}/apis/{a}/plans", tenant, apiId)
                .then()
                .statusCode(400)
                .body("detail", containsString("per"));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "x", "price", 10))
                .post("/tenants/{t}/apis/{a}/plans", tenant, apiId)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void anUpdateReplacesTheLimitsAndARetiredPlanCannotChange() {
        String apiId = createApi(tenant, "private");
        String planId = createPlan(apiId, GOLD);

        given().contentType(ContentType.JSON)
                .body(Map.of("name", "gold", "rateLimit", Map.of("requests", 10, "per", "SECOND")))
                .put("/tenants/{t}/apis/{a}/plans/{p}", tenant, apiId, planId)
                .then()
                .statusCode(200)
                .body("rateLimit.requests", equalTo(10))
                .body("rateLimit.burst", equalTo(0));
        given().delete("/tenants/{t}/apis/{a}/plans/{p}", tenant, apiId, planId)
                .then()
                .statusCode(200)
                .body("status", equalTo("RETIRED"));
        given().contentType(ContentType.JSON)
                .body(GOLD)
                .put("/tenants/{t}/apis/{a}/plans/{p}", tenant, apiId, planId)
                .then()
                .statusCode(409);
        given().get("/tenants/{t}/apis/{a}/plans", tenant, apiId).then().body("planId", not(hasItem(planId)));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(published(planId))
                        .hasSize(3)
                        .hasAtLeastOneElementOfType(PlanUpdated.class)
                        .last()
                        .isInstanceOf(PlanRetired.class));
    }
}
