package io.keygate.token.apikey.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.keygate.events.KeygateEvent;
import io.keygate.events.credential.ApiKeyFormat;
import io.keygate.events.credential.ApiKeyHasher;
import io.keygate.events.token.ApiKeyIssued;
import io.keygate.events.token.ApiKeyRevoked;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.keygate.token.testdata.PublishedTokenEvents;
import io.keygate.token.testdata.StoredEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class ApiKeyResourceQuarkusTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    Pool pool;

    @ConfigProperty(name = "keygate.api-key.pepper")
    String pepper;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void createdKeyIsShownOnceAndStoredOnlyAsItsKeyedHash() {
        var created = given().contentType(ContentType.JSON)
                .body(Map.of("name", "ci key", "scopes", List.of("orders:read")))
                .post("/tenants/{t}/api-keys", tenant)
                .then()
                .statusCode(201)
                .header("Location", startsWith("http"))
                .header("Cache-Control", "no-store")
                .body("status", equalTo("ACTIVE"))
                .extract()
                .jsonPath();
        String secret = created.getString("key");
        String keyId = created.getString("id");
        assertThat(ApiKeyFormat.isWellFormed(secret)).isTrue();
        assertThat(created.getString("maskedKey")).isEqualTo(ApiKeyFormat.mask(secret));

        given().get("/tenants/{t}/api-keys/{k}", tenant, keyId)
                .then()
                .statusCode(200)
                .body("$", not(hasKey("key")))
                .body("$", not(hasKey("keyHash")))
                .body("maskedKey", equalTo(ApiKeyFormat.mask(secret)));
        String storedHash = pool.preparedQuery("SELECT key_hash FROM api_key WHERE key_id = $1")
                .execute(Tuple.of(keyId))
                .await()
                .atMost(WAIT)
                .iterator()
                .next()
                .getString("key_hash");
        assertThat(storedHash).isEqualTo(new ApiKeyHasher(pepper).hash(secret));
        assertThat(databaseText()).doesNotContain(secret).doesNotContain(pepper);

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(published(keyId))
                        .singleElement()
                        .isInstanceOfSatisfying(
                                ApiKeyIssued.class,
                                issued -> assertThat(issued.key().keyHash()).isEqualTo(storedHash)));
    }

    @Test
    void revokedKeyIsPublishedOnceEvenWhenRevokedTwice() {
        String keyId = createKey();

        given().contentType(ContentType.JSON)
                .body(Map.of("reason", "leaked"))
                .post("/tenants/{t}/api-keys/{k}/revoke", tenant, keyId)
                .then()
                .statusCode(200)
                .body("status", equalTo("REVOKED"))
                .body("revocationReason", equalTo("leaked"));
        given().contentType(ContentType.JSON)
                .body(Map.of("reason", "again"))
                .post("/tenants/{t}/api-keys/{k}/revoke", tenant, keyId)
                .then()
                .statusCode(200)
                .body("revocationReason", equalTo("leaked"));

        await().atMost(WAIT)
                .untilAsserted(
                        () -> assertThat(published(keyId)).hasSize(2).last().isInstanceOf(ApiKeyRevoked.class));
    }

    @Test
    void anotherTenantCannotSeeOrRevokeTheKey() {
        String keyId = createKey();
        given().get("/tenants/{t}/api-keys/{k}", "someone-else", keyId)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/tenants/{t}/api-keys/{k}/revoke", "someone-else", keyId)
                .then()
                .statusCode(404);
    }

    @Test
    void missingNameIsAProblemNamingTheField() {
        given().contentType(ContentType.JSON)
                .body(Map.of("scopes", List.of("a")))
                .post("/tenants/{t}/api-keys", tenant)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo("name"));
    }

    @Test
    void unknownFieldIsRejected() {
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "x", "admin", true))
                .post("/tenants/{t}/api-keys", tenant)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("admin"));
    }

    @Test
    void aBodyOverTheLimitIsRefusedWithAProblem() {
        String description = "x".repeat(70 * 1024);
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "x", "description", description))
                .post("/tenants/{t}/api-keys", tenant)
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("detail", containsString("65536 bytes"));
        // Without a Content-Length (chunked), the limit is met while the body streams in.
        byte[] chunked = ("{\"name\":\"x\",\"description\":\"" + description + "\"}").getBytes(StandardCharsets.UTF_8);
        given().contentType(ContentType.JSON)
                .body(new ByteArrayInputStream(chunked))
                .post("/tenants/{t}/api-keys", tenant)
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413));
        given().get("/tenants/{t}/api-keys", tenant).then().statusCode(200);
    }

    @Test
    void malformedJsonAndBadTenantAndBadScopeAreProblems() {
        given().contentType(ContentType.JSON)
                .body("{\"name\": ")
                .post("/tenants/{t}/api-keys", tenant)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "x"))
                .post("/tenants/{t}/api-keys", "Bad Tenant!")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("tenantId"));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "x", "scopes", List.of("has space")))
                .post("/tenants/{t}/api-keys", tenant)
                .then()
                .statusCode(400)
                .body("errors[0].field", startsWith("scopes"));
    }

    @Test
    void expiryInThePastIsUnprocessable() {
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "name", "x", "expiresAt", Instant.now().minusSeconds(5).toString()))
                .post("/tenants/{t}/api-keys", tenant)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("expiresAt"));
    }

    @Test
    void unknownKeyIsNotFound() {
        given().get("/tenants/{t}/api-keys/{k}", tenant, "key_" + "0".repeat(32))
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("title", equalTo("Not found"));
    }

    @Test
    void healthOpenApiAndMetricsAnswer() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }

    private String createKey() {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", "k"))
                .post("/tenants/{t}/api-keys", tenant)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private String databaseText() {
        return StoredEvents.textOf(pool, "api_key");
    }

    private List<KeygateEvent> published(String keyId) {
        return PublishedTokenEvents.dataOf(keyId);
    }
}
