package io.keygate.policy.rebuild;

import static io.keygate.policy.testdata.PolicyCalls.createApi;
import static io.keygate.policy.testdata.PolicyCalls.route;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.eventstore.ProjectionRebuilder;
import io.keygate.eventstore.RebuildReport;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** policy-service's read models are a function of its event store: a rebuild yields exactly the live state. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class PolicyProjectionRebuildQuarkusTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final List<String> TABLES = List.of(
            "api", "api_route", "route_claim", "api_plan", "subscription", "ip_rule", "token_policy", "alert_policy");

    @Inject
    ProjectionRebuilder rebuilder;

    @Inject
    Pool pool;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void createPoliciesInEveryLifecycleState() {
        String apiId = createApi(tenant, "public");
        String prefix = "/" + tenant;
        given().contentType(ContentType.JSON)
                .body(route(prefix + "/orders", "http://127.0.0.1:9"))
                .post("/tenants/{t}/apis/{a}/routes", tenant, apiId)
                .then()
                .statusCode(201);
        String deletedRoute = given().contentType(ContentType.JSON)
                .body(route(prefix + "/old", "http://127.0.0.1:9"))
                .post("/tenants/{t}/apis/{a}/routes", tenant, apiId)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().delete("/tenants/{t}/apis/{a}/routes/{r}", tenant, apiId, deletedRoute)
                .then()
                .statusCode(204);
        given().contentType("application/merge-patch+json")
                .body(Map.of("description", "Orders, rebuilt", "subscriptionApproval", true))
                .patch("/tenants/{t}/apis/{a}", tenant, apiId)
                .then()
                .statusCode(200);
        String plan = plan(apiId, "gold");
        String retiredPlan = plan(apiId, "legacy");
        given().delete("/tenants/{t}/apis/{a}/plans/{p}", tenant, apiId, retiredPlan)
                .then()
                .statusCode(200);
        for (int i = 0; i < 4; i++) {
            String subscription = given().contentType(ContentType.JSON)
                    .body(Map.of(
                            "applicationId",
                            "app_" + UUID.randomUUID().toString().replace("-", ""),
                            "apiId",
                            apiId,
                            "planId",
                            plan))
                    .post("/tenants/{t}/subscriptions", "sub-" + tenant)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("subscriptionId");
            String action = List.of("approve", "reject", "approve", "none").get(i);
            if (!action.equals("none")) {
                given().contentType(ContentType.JSON)
                        .body(Map.of("note", "decided " + i))
                        .post("/tenants/{t}/apis/{a}/subscriptions/{s}/" + action, tenant, apiId, subscription)
                        .then()
                        .statusCode(200);
            }
            if (i == 2) {
                given().post("/tenants/{t}/subscriptions/{s}/cancel", "sub-" + tenant, subscription)
                        .then()
                        .statusCode(200);
            }
        }
        String rule = given().contentType(ContentType.JSON)
                .body(Map.of("action", "DENY", "cidr", "198.51.100.0/24", "reason", "abuse"))
                .post("/tenants/{t}/ip-rules", tenant)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().delete("/tenants/{t}/ip-rules/{r}", tenant, rule).then().statusCode(200);
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "action",
                        "ALLOW",
                        "cidr",
                        "2001:db8::/32",
                        "reason",
                        "office",
                        "expiresAt",
                        Instant.now().plus(Duration.ofDays(7)).toString()))
                .post("/tenants/{t}/ip-rules", tenant)
                .then()
                .statusCode(201);
        given().contentType(ContentType.JSON)
                .body(Map.of("maxKeyLifetime", "P90D", "expiryRequired", true, "allowedCidrs", List.of("10.0.0.0/8")))
                .put("/tenants/{t}/token-policy", tenant)
                .then()
                .statusCode(200);
        for (boolean blockIps : List.of(false, true)) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("revokeKeys", true, "blockIps", blockIps, "blockFor", "PT2H"))
                    .put("/tenants/{t}/alert-policy", tenant)
                    .then()
                    .statusCode(200);
        }
    }

    private String plan(String apiId, String name) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "rateLimit", Map.of("requests", 5, "per", "SECOND", "burst", 5)))
                .post("/tenants/{t}/apis/{a}/plans", tenant, apiId)
                .then()
                .statusCode(201)
                .extract()
                .path("planId");
    }

    @Test
    void aRebuildYieldsTheSameReadModelsAsTheLiveCommands() {
        Map<String, List<String>> live = snapshot();

        RebuildReport report = rebuilder.rebuildAll().await().atMost(WAIT);

        assertThat(snapshot()).isEqualTo(live);
        assertThat(live.get("subscription")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(report.aggregates())
                .containsOnlyKeys(
                        "api", "route", "api_plan", "subscription", "ip_rule", "token_policy", "alert_policy");
    }

    @Test
    void aRebuildRepairsDamagedReadModels() {
        Map<String, List<String>> live = snapshot();
        for (String damage : List.of(
                "DELETE FROM route_claim",
                "UPDATE subscription SET status = 'APPROVED'",
                "DELETE FROM api_plan WHERE status = 'RETIRED'",
                "UPDATE api SET name = 'tampered'")) {
            pool.query(damage).execute().await().atMost(WAIT);
        }
        assertThat(snapshot()).isNotEqualTo(live);

        rebuilder.rebuildAll().await().atMost(WAIT);

        assertThat(snapshot()).isEqualTo(live);
    }

    /** Every row of every rebuildable table, as JSON text, in order. */
    private Map<String, List<String>> snapshot() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : TABLES) {
            List<String> rows = new ArrayList<>();
            pool.query("SELECT to_jsonb(t)::text AS row FROM " + table + " t ORDER BY 1")
                    .execute()
                    .await()
                    .atMost(WAIT)
                    .forEach(row -> rows.add(row.getString("row")));
            tables.put(table, rows);
        }
        return tables;
    }
}
