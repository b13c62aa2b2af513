package io.keygate.policy.route.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.cloudevents.kafka.CloudEventDeserializer;
import io.keygate.events.EventCodec;
import io.keygate.events.KeygateEvent;
import io.keygate.events.Topic;
import io.keygate.events.policy.RouteDefined;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.keygate.testkit.Testkit;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class RouteResourceQuarkusTest {

    private final EventCodec codec = new EventCodec();
    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final String prefix = "/" + UUID.randomUUID();

    @Test
    void definedRouteIsPublishedWithItsFullState() {
        String routeId = given().contentType(ContentType.JSON)
                .body(Map.of("name", "orders", "pathPrefix", prefix, "upstreamUrl", "http://127.0.0.1:9999/api"))
                .post("/tenants/{t}/routes", tenant)
                .then()
                .statusCode(201)
                .body("pathPrefix", equalTo(prefix))
                .body("version", equalTo(1))
                .extract()
                .path("id");

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(published(routeId))
                        .singleElement()
                        .isInstanceOfSatisfying(RouteDefined.class, defined -> {
                            assertThat(defined.route().tenantId()).isEqualTo(tenant);
                            assertThat(defined.route().upstreamUrl()).isEqualTo("http://127.0.0.1:9999/api");
                        }));
    }

    @Test
    void redefinitionBumpsTheVersionAndIsPublished() {
        String routeId = create(prefix);
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "orders v2", "pathPrefix", prefix, "upstreamUrl", "http://127.0.0.1:9998"))
                .put("/tenants/{t}/routes/{r}", tenant, routeId)
                .then()
                .statusCode(200)
                .body("version", equalTo(2));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(published(routeId)).hasSize(2));
    }

    @Test
    void aSecondRouteOnTheSamePrefixIsAConflict() {
        create(prefix);
        given().contentType(ContentType.JSON)
                .body(Map.of("pathPrefix", prefix, "upstreamUrl", "http://127.0.0.1:9999"))
                .post("/tenants/{t}/routes", "other-tenant")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void unsafeUpstreamIsRefusedNamingTheField() {
        given().contentType(ContentType.JSON)
                .body(Map.of("pathPrefix", prefix, "upstreamUrl", "http://admin:secret@internal"))
                .post("/tenants/{t}/routes", tenant)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("upstreamUrl"));
    }

    @Test
    void unknownFieldsAndMissingFieldsAreProblems() {
        given().contentType(ContentType.JSON)
                .body(Map.of("pathPrefix", prefix, "upstreamUrl", "http://x", "priority", 1))
                .post("/tenants/{t}/routes", tenant)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("priority"));
        given().contentType(ContentType.JSON)
                .body(Map.of("pathPrefix", prefix))
                .post("/tenants/{t}/routes", tenant)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("upstreamUrl"));
    }

    @Test
    void anotherTenantCannotReadOrChangeTheRoute() {
        String routeId = create(prefix);
        given().get("/tenants/{t}/routes/{r}", "other-tenant", routeId).then().statusCode(404);
        given().contentType(ContentType.JSON)
                .body(Map.of("pathPrefix", prefix, "upstreamUrl", "http://evil"))
                .put("/tenants/{t}/routes/{r}", "other-tenant", routeId)
                .then()
                .statusCode(404);
        given().get("/tenants/{t}/routes/{r}", tenant, routeId)
                .then()
                .statusCode(200)
                .body("id", equalTo(routeId));
    }

    @Test
    void healthAndOpenApiAnswer() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    private String create(String pathPrefix) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("pathPrefix", pathPrefix, "upstreamUrl", "http://127.0.0.1:9999"))
                .post("/tenants/{t}/routes", tenant)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private List<KeygateEvent> published(String routeId) {
        return Testkit.kafka()
                .readAll(Topic.POLICIES.topicName(), new StringDeserializer(), new CloudEventDeserializer())
                .stream()
                .filter(r -> routeId.equals(r.key()))
                .map(r -> codec.fromCloudEvent(r.value()).data())
                .toList();
    }
}
