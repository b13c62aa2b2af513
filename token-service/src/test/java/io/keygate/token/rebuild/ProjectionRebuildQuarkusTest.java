package io.keygate.token.rebuild;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.eventstore.ProjectionRebuilder;
import io.keygate.eventstore.RebuildReport;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.keygate.token.testdata.TestApplications;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The read models are a function of the event store: rebuilding them yields exactly the live state. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class ProjectionRebuildQuarkusTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final List<String> TABLES = List.of(
            "api_key",
            "oauth_client",
            "oauth_revoked_token",
            "application",
            "tenant",
            "user_account",
            "user_session",
            "service_account",
            "team");

    @Inject
    ProjectionRebuilder rebuilder;

    @Inject
    Pool pool;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void createCredentialsInEveryLifecycleState() {
        for (int i = 0; i < 5; i++) {
            String active = issueKey(Map.of(
                    "name",
                    "active-" + i,
                    "scopes",
                    List.of("orders:read"),
                    "ipAllowList",
                    List.of("203.0.113.0/24", "2001:db8::/32"),
                    "metadata",
                    Map.of("team", "t" + i)));
            given().contentType("application/merge-patch+json")
                    .body(Map.of("description", "updated " + i))
                    .patch("/tenants/{t}/api-keys/{k}", tenant, active)
                    .then()
                    .statusCode(200);
            String rotated = issueKey(Map.of(
                    "name",
                    "rotated-" + i,
                    "expiresAt",
                    Instant.now().plus(Duration.ofDays(1 + i)).toString()));
            given().contentType(ContentType.JSON)
                    .body(Map.of("gracePeriod", "PT1H"))
                    .post("/tenants/{t}/api-keys/{k}/rotate", tenant, rotated)
                    .then()
                    .statusCode(200);
            String revoked = issueKey(Map.of("name", "revoked-" + i));
            given().contentType(ContentType.JSON)
                    .body(Map.of("reason", "leaked"))
                    .post("/tenants/{t}/api-keys/{k}/revoke", tenant, revoked)
                    .then()
                    .statusCode(200);
        }
        Map<String, String> client = registerClient();
        String token = given().formParam("grant_type", "client_credentials")
                .formParam("client_id", client.get("id"))
                .formParam("client_secret", client.get("secret"))
                .post("/oauth2/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
        given().auth()
                .preemptive()
                .basic(client.get("id"), client.get("secret"))
                .formParam("token", token)
                .post("/oauth2/revoke")
                .then()
                .statusCode(200);
        given().post(
                        "/tenants/{t}/oauth-clients/{c}/revoke",
                        tenant,
                        registerClient().get("id"))
                .then()
                .statusCode(200);
        String deleted = TestApplications.createIn(tenant);
        issueKey(Map.of("name", "of-deleted-app", "applicationId", deleted));
        given().delete("/tenants/{t}/applications/{a}", tenant, deleted).then().statusCode(204);
        given().contentType(ContentType.JSON)
                .body(Map.of("id", tenant, "name", "Rebuilt"))
                .post("/tenants")
                .then()
                .statusCode(201);
        String team = given().contentType(ContentType.JSON)
                .body(Map.of("name", "Payments"))
                .post("/tenants/{t}/teams", tenant)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Payments platform"))
                .patch("/tenants/{t}/teams/{team}", tenant, team)
                .then()
                .statusCode(200);
        for (String name : List.of("kept", "revoked")) {
            String account = given().contentType(ContentType.JSON)
                    .body(Map.of("name", name, "roles", List.of("admin", "viewer")))
                    .post("/tenants/{t}/service-accounts", tenant)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("clientId");
            if (name.equals("revoked")) {
                given().post("/tenants/{t}/service-accounts/{s}/revoke", tenant, account)
                        .then()
                        .statusCode(200);
            }
        }
    }

    @Test
    void aRebuildYieldsTheSameReadModelsAsTheLiveCommands() {
        Map<String, List<String>> live = snapshot();

        RebuildReport report = rebuilder.rebuildAll().await().atMost(WAIT);

        assertThat(snapshot()).isEqualTo(live);
        assertThat(live.get("api_key")).hasSizeGreaterThanOrEqualTo(15);
        assertThat(report.aggregates()).containsOnlyKeys(TABLES.toArray(String[]::new));
        assertThat(report.aggregates().get("api_key"))
                .isEqualTo(live.get("api_key").size());
        assertThat(report.events().get("api_key")).isGreaterThanOrEqualTo(30);
    }

    @Test
    void aRebuildRepairsADamagedReadModel() {
        Map<String, List<String>> live = snapshot();
        pool.query("UPDATE api_key SET status = 'REVOKED', state = NULL WHERE key_id IN "
                        + "(SELECT key_id FROM api_key ORDER BY key_id LIMIT 3)")
                .execute()
                .await()
                .atMost(WAIT);
        pool.query("DELETE FROM oauth_client WHERE client_id IN (SELECT client_id FROM oauth_client LIMIT 1)")
                .execute()
                .await()
                .atMost(WAIT);
        pool.query("DELETE FROM oauth_revoked_token").execute().await().atMost(WAIT);
        assertThat(snapshot()).isNotEqualTo(live);

        rebuilder.rebuildAll().await().atMost(WAIT);

        assertThat(snapshot()).isEqualTo(live);
    }

    /** Every row of every rebuildable table, as JSON text, in order. */
    private Map<String, List<String>> snapshot() {
        Map<String, List<String>> tables = new java.util.LinkedHashMap<>();
        for (String table : TABLES) {
            List<String> rows = new ArrayList<>();
            // credentials_swept_at is the sweeper's bookkeeping, not event-sourced: a rebuild resets it.
            pool.query("SELECT (to_jsonb(t) - 'credentials_swept_at')::text AS row FROM " + table + " t ORDER BY 1")
                    .execute()
                    .await()
                    .atMost(WAIT)
                    .forEach(row -> rows.add(row.getString("row")));
            tables.put(table, rows);
        }
        return tables;
    }

    private String issueKey(Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/tenants/{t}/api-keys", tenant)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private Map<String, String> registerClient() {
        var created = given().contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "c",
                        "applicationId",
                        TestApplications.createIn(tenant),
                        "scopes",
                        List.of("orders:read")))
                .post("/tenants/{t}/oauth-clients", tenant)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        return Map.of("id", created.getString("clientId"), "secret", created.getString("clientSecret"));
    }
}
