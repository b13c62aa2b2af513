package io.keygate.policy.route.rest;

import static io.keygate.policy.testdata.PolicyCalls.createApi;
import static io.keygate.policy.testdata.PolicyCalls.published;
import static io.keygate.policy.testdata.PolicyCalls.route;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.keygate.events.policy.CredentialKind;
import io.keygate.events.policy.RouteDefined;
import io.keygate.events.policy.RouteDeleted;
import io.keygate.events.policy.RouteTarget;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class RouteResourceQuarkusTest {

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final String prefix = "/" + UUID.randomUUID();
    private String apiId;

    @BeforeEach
    void createApiOfTheTenant() {
        apiId = createApi(tenant, "private");
    }

    @Test
    void aFullyDefinedRouteIsPublishedWithItsWholeState() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "orders");
        body.put("host", "API.example.com");
        body.put("pathPrefix", prefix + "/");
        body.put("methods", List.of("GET", "post"));
        body.put(
                "targets",
                List.of(
                        Map.of("url", "http://127.0.0.1:9999/api", "weight", 90),
                        Map.of("url", "http://127.0.0.1:9998", "weight", 10)));
        body.put("healthCheckPath", "/health");
        body.put("stripPrefix", true);
        body.put("connectTimeoutMs", 1000);
        body.put("readTimeoutMs", 5000);
        body.put("retries", 2);
        body.put(
                "scopeRequirements",
                List.of(Map.of(
                        "methods", List.of("POST"), "pathPattern", "/orders/**", "scopes", List.of("orders:write"))));
        body.put("credentialKinds", List.of("API_KEY", "JWT"));
        body.put("maxBodyBytes", 4096);
        body.put("cors", Map.of("allowedOrigins", List.of("https://app.example.com"), "allowCredentials", true));

        String routeId = given().contentType(ContentType.JSON)
                .body(body)
                .post("/tenants/{t}/apis/{a}/routes", tenant, apiId)
                .then()
                .statusCode(201)
                .body("host", equalTo("api.example.com"))
                .body("pathPrefix", equalTo(prefix))
                .body("version", equalTo(1))
                .extract()
                .path("id");

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(published(routeId))
                        .singleElement()
                        .isInstanceOfSatisfying(RouteDefined.class, defined -> {
                            assertThat(defined.route().apiId()).isEqualTo(apiId);
                            assertThat(defined.route().methods()).containsExactly("GET", "POST");
                            assertThat(defined.route().targets())
                                    .containsExactly(
                                            new RouteTarget("http://127.0.0.1:9999/api", 90),
                                            new RouteTarget("http://127.0.0.1:9998", 10));
                            assertThat(defined.route().credentialKinds())
                                    .containsExactly(CredentialKind.API_KEY, CredentialKind.JWT);
                            assertThat(defined.route().cors().maxAgeSeconds()).isEqualTo(600);
                            assertThat(defined.route().retriesFor("POST")).isZero();
                            assertThat(defined.route().retriesFor("GET")).isEqualTo(2);
                        }));
    }

    @Test
    void redefinitionBumpsTheVersionAndDeletionIsPublished() {
        String routeId = create(route(prefix, "http://127.0.0.1:9999"));
        given().contentType(ContentType.JSON)
                .body(route(prefix, "http://127.0.0.1:9998"))
                .put("/tenants/{t}/apis/{a}/routes/{r}", tenant, apiId, routeId)
                .then()
                .statusCode(200)
                .body("version", equalTo(2));
        given().delete("/tenants/{t}/apis/{a}/routes/{r}", tenant, apiId, routeId)
                .then()
                .statusCode(204);
        given().get("/tenants/{t}/apis/{a}/routes/{r}", tenant, apiId, routeId)
                .then()
                .statusCode(200)
                .body("status", equalTo("DELETED"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> assertThat(published(routeId)).hasSize(3).last().isInstanceOf(RouteDeleted.class));
    }

    @Test
    void aRouteOfAnotherTenantOnTheSameHostPrefixAndAMethodIsAConflictNamingIt() {
        String first = create(routeWithMethods(prefix, List.of("GET", "POST")));
        String otherTenant = "o-" + UUID.randomUUID().toString().substring(0, 8);
        String otherApi = createApi(otherTenant, "private");

        given().contentType(ContentType.JSON)
                .body(routeWithMethods(prefix, List.of("POST", "DELETE")))
                .post("/tenants/{t}/apis/{a}/routes", otherTenant, otherApi)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString(first));
        given().contentType(ContentType.JSON)
                .body(route(prefix, "http://127.0.0.1:9999"))
                .post("/tenants/{t}/apis/{a}/routes", otherTenant, otherApi)
                .then()
                .statusCode(409)
                .body("detail", containsString(first));
    }

    @Test
    void disjointMethodsOrAnotherHostOnTheSamePrefixDoNotConflict() {
        create(routeWithMethods(prefix, List.of("GET")));
        create(routeWithMethods(prefix, List.of("POST")));
        Map<String, Object> otherHost = new HashMap<>(route(prefix, "http://127.0.0.1:9999"));
        otherHost.put("host", "other.example.com");
        create(otherHost);
    }

    @Test
    void aDeletedRouteFreesWhatItClaimed() {
        String first = create(route(prefix, "http://127.0.0.1:9999"));
        given().delete("/tenants/{t}/apis/{a}/routes/{r}", tenant, apiId, first)
                .then()
                .statusCode(204);
        create(route(prefix, "http://127.0.0.1:9998"));
    }

    @Test
    void ofConcurrentCreationsOnTheSameHostAndPrefixExactlyOneWins() throws Exception {
        int racers = 6;
        CyclicBarrier start = new CyclicBarrier(racers);
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            String url = "http://127.0.0.1:" + (9000 + i);
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return given().contentType(ContentType.JSON)
                        .body(route(prefix, url))
                        .post("/tenants/{t}/apis/{a}/routes", tenant, apiId)
                        .statusCode();
            }));
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        given().get("/tenants/{t}/apis/{a}/routes", tenant, apiId).then().body("size()", equalTo(1));
    }

    @Test
    void theMetadataAddressIsRefusedEvenWherePrivateTargetsAreAllowed() {
        given().contentType(ContentType.JSON)
                .body(route(prefix, "http://169.254.169.254/latest/meta-data"))
                .post("/tenants/{t}/apis/{a}/routes", tenant, apiId)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("targets[0].url"));
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        given().contentType(ContentType.JSON)
                .body(route(prefix, "http://admin:secret@internal"))
                .post("/tenants/{t}/apis/{a}/routes", tenant, apiId)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("targets[0].url"))
                .body("detail", org.hamcrest.Matchers.not(containsString("secret")));
        Map<String, Object> wildcardWithCredentials = new HashMap<>(route(prefix, "http://127.0.0.1:9999"));
        wildcardWithCredentials.put("cors", Map.of("allowedOrigins", List.of("*"), "allowCredentials", true));
        given().contentType(ContentType.JSON)
                .body(wildcardWithCredentials)
                .post("/tenants/{t}/apis/{a}/routes", tenant, apiId)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cors.allowedOrigins"));
        Map<String, Object> tooManyRetries = new HashMap<>(route(prefix, "http://127.0.0.1:9999"));
        tooManyRetries.put("retries", 6);
        given().contentType(ContentType.JSON)
                .body(tooManyRetries)
                .post("/tenants/{t}/apis/{a}/routes", tenant, apiId)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("retries"));
        Map<String, Object> unknown = new HashMap<>(route(prefix, "http://127.0.0.1:9999"));
        unknown.put("priority", 1);
        given().contentType(ContentType.JSON)
                .body(unknown)
                .post("/tenants/{t}/apis/{a}/routes", tenant, apiId)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("priority"));
    }

    @Test
    void anotherTenantCannotReadOrChangeTheRouteAndAnUnknownApiIsNotFound() {
        String routeId = create(route(prefix, "http://127.0.0.1:9999"));
        given().get("/tenants/{t}/apis/{a}/routes/{r}", "other-tenant", apiId, routeId)
                .then()
                .statusCode(404);
        given().contentType(ContentType.JSON)
                .body(route(prefix, "http://127.0.0.1:9998"))
                .put("/tenants/{t}/apis/{a}/routes/{r}", "other-tenant", apiId, routeId)
                .then()
                .statusCode(404);
        given().contentType(ContentType.JSON)
                .body(route("/" + UUID.randomUUID(), "http://127.0.0.1:9998"))
                .post("/tenants/{t}/apis/{a}/routes", "other-tenant", apiId)
                .then()
                .statusCode(404);
    }

    @Test
    void healthAndOpenApiAnswer() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    private Map<String, Object> routeWithMethods(String pathPrefix, List<String> methods) {
        Map<String, Object> body = new HashMap<>(route(pathPrefix, "http://127.0.0.1:9999"));
        body.put("methods", methods);
        return body;
    }

    private String create(Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/tenants/{t}/apis/{a}/routes", tenant, apiId)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
