package io.keygate.token.apikey.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.keygate.events.KeygateEvent;
import io.keygate.events.token.ApiKeyIssued;
import io.keygate.events.token.ApiKeyUpdated;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.keygate.token.testdata.PublishedTokenEvents;
import io.keygate.token.testdata.TestApplications;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class ApiKeyUpdateQuarkusTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void attributesAreKeptNormalisedAndAPatchPublishesWhatChanged() {
        String app = TestApplications.createIn(tenant);
        Map<String, Object> body = new HashMap<>();
        body.put("name", "partner");
        body.put("description", "nightly sync");
        body.put("applicationId", app);
        body.put("ipAllowList", List.of("203.0.113.0/24", "2001:DB8:0::/32", "::ffff:198.51.100.7"));
        body.put("rateLimit", Map.of("requests", 100, "per", "MINUTE"));
        body.put("quota", Map.of("limit", 5000, "refill", "MONTH"));
        body.put("metadata", Map.of("team", "billing", "ticket", 4711));
        String keyId = given().contentType(ContentType.JSON)
                .body(body)
                .post("/tenants/{t}/api-keys", tenant)
                .then()
                .statusCode(201)
                .body("ipAllowList", contains("203.0.113.0/24", "2001:db8::/32", "198.51.100.7/32"))
                .body("rateLimit.per", equalTo("MINUTE"))
                .body("quota.refill", equalTo("MONTH"))
                .body("metadata.ticket", equalTo(4711))
                .body("applicationId", equalTo(app))
                .extract()
                .path("id");

        Map<String, Object> patch = new HashMap<>();
        patch.put("description", "hourly sync");
        patch.put("rateLimit", null);
        patch.put("name", "partner");
        given().contentType("application/merge-patch+json")
                .body(patch)
                .patch("/tenants/{t}/api-keys/{k}", tenant, keyId)
                .then()
                .statusCode(200)
                .body("description", equalTo("hourly sync"))
                .body("rateLimit", nullValue())
                .body("quota.limit", equalTo(5000));
        given().get("/tenants/{t}/api-keys/{k}", tenant, keyId)
                .then()
                .statusCode(200)
                .body("description", equalTo("hourly sync"))
                .body("metadata.team", equalTo("billing"));

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(published(keyId)).hasSize(2).satisfies(events -> {
                    assertThat(events.get(0)).isInstanceOf(ApiKeyIssued.class);
                    assertThat(events.get(1)).isInstanceOfSatisfying(ApiKeyUpdated.class, updated -> {
                        assertThat(updated.changedFields()).containsExactly("description", "rateLimit");
                        assertThat(updated.key().rateLimit()).isNull();
                        assertThat(updated.key().ipAllowList()).hasSize(3);
                    });
                }));
    }

    @Test
    void patchThatChangesNothingPublishesNothing() {
        String keyId = createKey();
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "k"))
                .patch("/tenants/{t}/api-keys/{k}", tenant, keyId)
                .then()
                .statusCode(200);
        given().contentType(ContentType.JSON)
                .body(Map.of("description", "x"))
                .patch("/tenants/{t}/api-keys/{k}", tenant, keyId)
                .then()
                .statusCode(200);

        await().atMost(WAIT).untilAsserted(() -> assertThat(published(keyId)).hasSize(2));
    }

    @Test
    void revokedKeyCannotBeUpdated() {
        String keyId = createKey();
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/tenants/{t}/api-keys/{k}/revoke", tenant, keyId)
                .then()
                .statusCode(200);

        given().contentType(ContentType.JSON)
                .body(Map.of("description", "x"))
                .patch("/tenants/{t}/api-keys/{k}", tenant, keyId)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409));
    }

    @Test
    void badAttributesAreProblemsNamingTheField() {
        String keyId = createKey();
        assertPatchRefused(keyId, Map.of("ipAllowList", List.of("10.0.0.0/8", "10.0.0.1/8")), "ipAllowList[1]");
        assertPatchRefused(keyId, Map.of("ipAllowList", List.of("10.0.0.0/33")), "ipAllowList[0]");
        assertPatchRefused(keyId, Map.of("description", "x".repeat(1001)), "description");
        assertPatchRefused(keyId, Map.of("applicationId", "app_nope"), "applicationId");
        assertPatchRefused(keyId, Map.of("rateLimit", Map.of("requests", 0, "per", "MINUTE")), "rateLimit.requests");
        assertPatchRefused(keyId, Map.of("rateLimit", Map.of("requests", 1, "per", "DAY")), "rateLimit.per");
        assertPatchRefused(keyId, Map.of("quota", Map.of("limit", 0)), "quota.limit");
        assertPatchRefused(keyId, Map.of("metadata", Map.of("blob", "x".repeat(4100))), "metadata");
        assertPatchRefused(keyId, Map.of("metadata", List.of(1, 2)), "metadata");
        assertPatchRefused(keyId, Map.of("secret", "x"), "secret");
        Map<String, Object> nullName = new HashMap<>();
        nullName.put("name", null);
        assertPatchRefused(keyId, nullName, "name");
    }

    @Test
    void unknownKeyAndOtherTenantsKeyAreNotFound() {
        String keyId = createKey();
        given().contentType(ContentType.JSON)
                .body(Map.of("description", "x"))
                .patch("/tenants/{t}/api-keys/{k}", "someone-else", keyId)
                .then()
                .statusCode(404);
        given().contentType(ContentType.JSON)
                .body(Map.of("description", "x"))
                .patch("/tenants/{t}/api-keys/{k}", tenant, "key_" + "0".repeat(32))
                .then()
                .statusCode(404);
    }

    private void assertPatchRefused(String keyId, Object body, String field) {
        given().contentType(ContentType.JSON)
                .body(body)
                .patch("/tenants/{t}/api-keys/{k}", tenant, keyId)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
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

    private List<KeygateEvent> published(String keyId) {
        return PublishedTokenEvents.dataOf(keyId);
    }
}
