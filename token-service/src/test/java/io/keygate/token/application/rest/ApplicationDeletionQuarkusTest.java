package io.keygate.token.application.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.keygate.events.token.ApiKeyRevoked;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.keygate.token.testdata.NoPeriodicSweepProfile;
import io.keygate.token.testdata.PublishedTokenEvents;
import io.keygate.token.testdata.TestApplications;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(NoPeriodicSweepProfile.class)
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class ApplicationDeletionQuarkusTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    Pool pool;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void deletingAnApplicationRevokesItsKeysAndClientsBeforeItAnswers() {
        String app = TestApplications.createIn(tenant);
        String otherApp = TestApplications.createIn(tenant);
        String key1 = issueKey(app);
        String key2 = issueKey(app);
        String otherKey = issueKey(otherApp);
        String client = registerClient(app);
        String deletion = "delete-" + UUID.randomUUID();

        given().header("X-Request-Id", deletion)
                .delete("/tenants/{t}/applications/{a}", tenant, app)
                .then()
                .statusCode(204);

        for (String key : List.of(key1, key2)) {
            given().get("/tenants/{t}/api-keys/{k}", tenant, key)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("REVOKED"))
                    .body("revocationReason", equalTo("application deleted"));
        }
        given().get("/tenants/{t}/oauth-clients/{c}", tenant, client)
                .then()
                .statusCode(200)
                .body("status", equalTo("REVOKED"));
        given().get("/tenants/{t}/api-keys/{k}", tenant, otherKey).then().body("status", equalTo("ACTIVE"));
        await().atMost(WAIT).untilAsserted(() -> {
            for (String key : List.of(key1, key2)) {
                assertThat(PublishedTokenEvents.of(key)).hasSize(2).last().satisfies(revoked -> {
                    assertThat(revoked.type().type()).isEqualTo("io.keygate.apikey.revoked.v1");
                    assertThat(revoked.correlationId()).isEqualTo(deletion);
                    assertThat(revoked.data()).isInstanceOf(ApiKeyRevoked.class);
                });
            }
            assertThat(PublishedTokenEvents.of(client)).last().satisfies(revoked -> {
                assertThat(revoked.type().type()).isEqualTo("io.keygate.oauth-client.revoked.v1");
                assertThat(revoked.correlationId()).isEqualTo(deletion);
            });
            assertThat(PublishedTokenEvents.typesOf(app)).last().isEqualTo("io.keygate.application.deleted.v1");
            assertThat(PublishedTokenEvents.typesOf(otherKey)).containsExactly("io.keygate.apikey.issued.v1");
        });
    }

    @Test
    void aRevokedClientGetsNoMoreTokens() {
        String app = TestApplications.createIn(tenant);
        var registered = given().contentType(ContentType.JSON)
                .body(Map.of("name", "c", "applicationId", app))
                .post("/tenants/{t}/oauth-clients", tenant)
                .then()
                .statusCode(201)
                .extract();

        given().delete("/tenants/{t}/applications/{a}", tenant, app).then().statusCode(204);

        given().auth()
                .preemptive()
                .basic(registered.path("clientId"), registered.path("clientSecret"))
                .formParam("grant_type", "client_credentials")
                .post("/oauth2/token")
                .then()
                .statusCode(401)
                .body("error", equalTo("invalid_client"));
    }

    @Test
    void noCredentialCanNameAnUnknownDeletedOrForeignApplication() {
        String deleted = TestApplications.createIn(tenant);
        given().delete("/tenants/{t}/applications/{a}", tenant, deleted).then().statusCode(204);
        String foreign =
                TestApplications.createIn("o-" + UUID.randomUUID().toString().substring(0, 8));
        String unknown = "app_" + "0".repeat(32);

        assertRefused(postKey(deleted), "is deleted");
        assertRefused(postKey(unknown), "does not exist");
        assertRefused(postKey(foreign), "does not exist");
        assertRefused(
                given().contentType(ContentType.JSON)
                        .body(Map.of("name", "c", "applicationId", deleted))
                        .post("/tenants/{t}/oauth-clients", tenant)
                        .then()
                        .extract(),
                "is deleted");
        String key = issueKey(TestApplications.createIn(tenant));
        assertRefused(
                given().contentType("application/merge-patch+json")
                        .body(Map.of("applicationId", deleted))
                        .patch("/tenants/{t}/api-keys/{k}", tenant, key)
                        .then()
                        .extract(),
                "is deleted");
        given().get("/tenants/{t}/api-keys", tenant).then().body("id", contains(key));
    }

    @Test
    void aKeyIssuedWhileItsApplicationIsDeletedIsRefusedOrRevokedByTheDeletion() throws Exception {
        String app = TestApplications.createIn(tenant);
        String deletion = "delete-" + UUID.randomUUID();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<ExtractableResponse<Response>>> issues = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                issues.add(CompletableFuture.supplyAsync(() -> postKey(app), callers));
            }
            given().header("X-Request-Id", deletion)
                    .delete("/tenants/{t}/applications/{a}", tenant, app)
                    .then()
                    .statusCode(204);
            for (CompletableFuture<ExtractableResponse<Response>> issue : issues) {
                ExtractableResponse<Response> response = issue.get();
                assertThat(response.statusCode()).isIn(201, 422);
                if (response.statusCode() == 201) {
                    // Revoked by the deletion's own pass (its correlation id), not left to the periodic sweep.
                    assertThat(storedEvents(response.path("id")))
                            .hasSize(2)
                            .element(1)
                            .isEqualTo("io.keygate.apikey.revoked.v1 " + deletion);
                }
            }
        } finally {
            callers.shutdownNow();
        }
    }

    private List<String> storedEvents(String keyId) {
        return pool
                .preparedQuery(
                        "SELECT event_type, correlation_id FROM event_store WHERE aggregate_id = $1 ORDER BY version")
                .execute(Tuple.of(keyId))
                .await()
                .atMost(WAIT)
                .stream()
                .map(row -> row.getString("event_type") + " " + row.getString("correlation_id"))
                .toList();
    }

    private ExtractableResponse<Response> postKey(String app) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", "k", "applicationId", app))
                .post("/tenants/{t}/api-keys", tenant)
                .then()
                .extract();
    }

    private String issueKey(String app) {
        ExtractableResponse<Response> response = postKey(app);
        assertThat(response.statusCode()).isEqualTo(201);
        return response.path("id");
    }

    private String registerClient(String app) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", "c", "applicationId", app))
                .post("/tenants/{t}/oauth-clients", tenant)
                .then()
                .statusCode(201)
                .extract()
                .path("clientId");
    }

    private static void assertRefused(ExtractableResponse<Response> response, String detail) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.<String>path("errors[0].field")).isEqualTo("applicationId");
        assertThat(response.<String>path("detail")).contains(detail);
    }
}
