package io.keygate.policy.api.rest;

import static io.keygate.policy.testdata.PolicyCalls.createApi;
import static io.keygate.policy.testdata.PolicyCalls.published;
import static io.keygate.policy.testdata.PolicyCalls.route;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.keygate.events.policy.ApiCreated;
import io.keygate.events.policy.ApiOpenApiUploaded;
import io.keygate.events.policy.ApiRetired;
import io.keygate.events.policy.ApiUpdated;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class ApiResourceQuarkusTest {

    private static final String YAML_DOC = "openapi: 3.0.3\ninfo:\n  title: Orders\n  version: '1.0'\npaths: {}\n";

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void anApiIsCreatedReadAndPublishedWithItsFullState() {
        String apiId = given().contentType(ContentType.JSON)
                .body(Map.of("name", "Orders", "apiVersion", "v1", "subscriptionApproval", true))
                .post("/tenants/{t}/apis", tenant)
                .then()
                .statusCode(201)
                .body("visibility", equalTo("private"))
                .body("subscriptionApproval", equalTo(true))
                .body("status", equalTo("ACTIVE"))
                .extract()
                .path("id");

        given().get("/tenants/{t}/apis/{a}", tenant, apiId)
                .then()
                .statusCode(200)
                .body("name", equalTo("Orders"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(published(apiId))
                        .singleElement()
                        .isInstanceOfSatisfying(
                                ApiCreated.class,
                                e -> assertThat(e.api().subscriptionApproval()).isTrue()));
    }

    @Test
    void aMergePatchChangesOnlyTheSentFieldsAndIsPublished() {
        String apiId = createApi(tenant, "private");
        given().contentType("application/merge-patch+json")
                .body(Map.of("visibility", "public", "description", "Place orders"))
                .patch("/tenants/{t}/apis/{a}", tenant, apiId)
                .then()
                .statusCode(200)
                .body("visibility", equalTo("public"))
                .body("description", equalTo("Place orders"))
                .body("name", equalTo("Orders"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(published(apiId))
                        .last()
                        .isInstanceOfSatisfying(
                                ApiUpdated.class,
                                e -> assertThat(e.changedFields())
                                        .containsExactlyInAnyOrder("description", "visibility")));
    }

    @Test
    void badAttributesAndUnknownFieldsAreProblemsNamingTheField() {
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Orders", "apiVersion", "v 1"))
                .post("/tenants/{t}/apis", tenant)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("apiVersion"));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Orders", "apiVersion", "v1", "visibility", "everyone"))
                .post("/tenants/{t}/apis", tenant)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("visibility"));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Orders", "apiVersion", "v1", "owner", "x"))
                .post("/tenants/{t}/apis", tenant)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("owner"));
    }

    @Test
    void anUploadedYamlDocumentIsServedBackAsUploadedAndOnlyItsDigestIsPublished() throws Exception {
        String apiId = createApi(tenant, "private");
        String digest = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(YAML_DOC.getBytes(StandardCharsets.UTF_8)));

        given().contentType("application/yaml")
                .body(YAML_DOC.getBytes(StandardCharsets.UTF_8))
                .put("/tenants/{t}/apis/{a}/openapi", tenant, apiId)
                .then()
                .statusCode(200)
                .body("openApi.sha256", equalTo(digest))
                .body("openApi.openapiVersion", equalTo("3.0.3"));
        String served = given().get("/tenants/{t}/apis/{a}/openapi", tenant, apiId)
                .then()
                .statusCode(200)
                .contentType("application/yaml")
                .extract()
                .asString();
        assertThat(served).isEqualTo(YAML_DOC);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(published(apiId))
                        .last()
                        .isInstanceOfSatisfying(ApiOpenApiUploaded.class, e -> {
                            assertThat(e.api().openApi().sha256()).isEqualTo(digest);
                            assertThat(e.api().openApi().sizeBytes()).isEqualTo(YAML_DOC.length());
                        }));
    }

    @Test
    void documentsThatAreNotOpenApi3OrTooLargeAreProblems() {
        String apiId = createApi(tenant, "private");
        given().contentType(ContentType.JSON)
                .body("{\"swagger\": \"2.0\", \"info\": {\"title\": \"x\", \"version\": \"1\"}}")
                .put("/tenants/{t}/apis/{a}/openapi", tenant, apiId)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("openapi"));
        given().contentType("application/yaml")
                .body("openapi: [unclosed".getBytes(StandardCharsets.UTF_8))
                .put("/tenants/{t}/apis/{a}/openapi", tenant, apiId)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("body"));
        given().contentType(ContentType.JSON)
                .body("{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"x\",\"version\":\"1\"},\"x\":\""
                        + "a".repeat(1_048_576) + "\"}")
                .put("/tenants/{t}/apis/{a}/openapi", tenant, apiId)
                .then()
                .statusCode(413)
                .contentType("application/problem+json");
        given().get("/tenants/{t}/apis/{a}/openapi", tenant, apiId).then().statusCode(404);
    }

    @Test
    void aPublicApiIsListedInEveryTenantsPortalAndAPrivateOneOnlyInItsOwn() {
        String publicApi = createApi(tenant, "public");
        String privateApi = createApi(tenant, "private");
        String other = "o-" + UUID.randomUUID().toString().substring(0, 8);

        given().get("/tenants/{t}/portal/apis", other)
                .then()
                .statusCode(200)
                .body("id", hasItem(publicApi))
                .body("id", not(hasItem(privateApi)));
        given().get("/tenants/{t}/portal/apis", tenant)
                .then()
                .body("id", hasItem(publicApi))
                .body("id", hasItem(privateApi));
        given().get("/tenants/{t}/apis/{a}", other, privateApi).then().statusCode(404);
    }

    @Test
    void anApiWithRoutesCannotBeRetiredAndARetiredApiGetsNoRoutes() {
        String apiId = createApi(tenant, "private");
        String routeId = given().contentType(ContentType.JSON)
                .body(route("/" + UUID.randomUUID(), "http://127.0.0.1:9999"))
                .post("/tenants/{t}/apis/{a}/routes", tenant, apiId)
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        given().delete("/tenants/{t}/apis/{a}", tenant, apiId)
                .then()
                .statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString(routeId));
        given().delete("/tenants/{t}/apis/{a}/routes/{r}", tenant, apiId, routeId)
                .then()
                .statusCode(204);
        given().delete("/tenants/{t}/apis/{a}", tenant, apiId)
                .then()
                .statusCode(200)
                .body("status", equalTo("RETIRED"));
        given().contentType(ContentType.JSON)
                .body(route("/" + UUID.randomUUID(), "http://127.0.0.1:9999"))
                .post("/tenants/{t}/apis/{a}/routes", tenant, apiId)
                .then()
                .statusCode(409);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(published(apiId)).last().isInstanceOf(ApiRetired.class));
    }
}
