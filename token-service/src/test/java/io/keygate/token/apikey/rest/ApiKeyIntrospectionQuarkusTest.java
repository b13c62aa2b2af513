package io.keygate.token.apikey.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.keygate.events.credential.ApiKeyFormat;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.keygate.token.testdata.TestApiKeys;
import io.keygate.token.testdata.TestApplications;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** RFC 7662 introspection of API keys through {@code /oauth2/introspect}. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class ApiKeyIntrospectionQuarkusTest {

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void anActiveKeyIsActiveWithItsScopesTenantAndExpiry() {
        Map<String, String> caller = registerClient(tenant);
        Instant expiresAt = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        JsonPath key = issue(Map.of(
                "name", "k", "scopes", List.of("orders:read", "orders:write"), "expiresAt", expiresAt.toString()));

        introspect(caller, key.getString("key"))
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("active", equalTo(true))
                .body("token_type", equalTo("api_key"))
                .body("scope", equalTo("orders:read orders:write"))
                .body("sub", equalTo(key.getString("id")))
                .body("key_id", equalTo(key.getString("id")))
                .body("tenant", equalTo(tenant))
                .body("masked_key", equalTo(key.getString("maskedKey")))
                .body("exp", equalTo((int) expiresAt.getEpochSecond()))
                .body("rotated_secret", equalTo(false));
    }

    @Test
    void aKeyWithATypoIsInactive() {
        Map<String, String> caller = registerClient(tenant);
        String secret = issue(Map.of("name", "k")).getString("key");
        String typo = secret.substring(0, 12) + (secret.charAt(12) == 'a' ? 'b' : 'a') + secret.substring(13);
        assertThat(ApiKeyFormat.isWellFormed(typo)).isFalse();

        introspect(caller, typo)
                .then()
                .statusCode(200)
                .body("active", equalTo(false))
                .body("$", not(hasKey("sub")));
    }

    @Test
    void aRevokedKeyIsInactive() {
        Map<String, String> caller = registerClient(tenant);
        JsonPath key = issue(Map.of("name", "k"));

        given().contentType(ContentType.JSON)
                .body(Map.of("reason", "leaked"))
                .post("/tenants/{t}/api-keys/{k}/revoke", tenant, key.getString("id"))
                .then()
                .statusCode(200);

        introspect(caller, key.getString("key")).then().body("active", equalTo(false));
    }

    @Test
    void anotherTenantsKeyIsInactive() {
        Map<String, String> caller =
                registerClient("o-" + UUID.randomUUID().toString().substring(0, 8));
        String secret = issue(Map.of("name", "k")).getString("key");

        introspect(caller, secret).then().body("active", equalTo(false));
    }

    @Test
    void anExpiredKeyIsInactive() {
        Map<String, String> caller = registerClient(tenant);
        Map<String, Object> body = new HashMap<>(Map.of("name", "k"));
        body.put("expiresAt", Instant.now().plusSeconds(2).toString());
        String secret = issue(body).getString("key");

        introspect(caller, secret).then().body("active", equalTo(true));
        // Polled without RestAssured's validation, which prints the failed request (with the key) each round.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !introspect(caller, secret).jsonPath().getBoolean("active"));
    }

    @Test
    void theReplacedSecretIsActiveUntilItsGracePeriodEndsAndTheNewOneAfterwards() {
        Map<String, String> caller = registerClient(tenant);
        JsonPath key = issue(Map.of("name", "k"));
        JsonPath rotated = given().contentType(ContentType.JSON)
                .body(Map.of("gracePeriod", "PT1H"))
                .post("/tenants/{t}/api-keys/{k}/rotate", tenant, key.getString("id"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Instant graceEnd = Instant.parse(rotated.getString("previousKeyValidUntil"));

        introspect(caller, key.getString("key"))
                .then()
                .body("active", equalTo(true))
                .body("rotated_secret", equalTo(true))
                .body("exp", equalTo((int) graceEnd.getEpochSecond()));
        introspect(caller, rotated.getString("key"))
                .then()
                .body("active", equalTo(true))
                .body("rotated_secret", equalTo(false))
                .body("$", not(hasKey("exp")));

        JsonPath again = given().contentType(ContentType.JSON)
                .body(Map.of("gracePeriod", "PT0S"))
                .post("/tenants/{t}/api-keys/{k}/rotate", tenant, key.getString("id"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        introspect(caller, key.getString("key")).then().body("active", equalTo(false));
        introspect(caller, rotated.getString("key")).then().body("active", equalTo(false));
        introspect(caller, again.getString("key")).then().body("active", equalTo(true));
    }

    private JsonPath issue(Map<String, Object> body) {
        return TestApiKeys.issue(tenant, body);
    }

    private static Response introspect(Map<String, String> caller, String token) {
        return given().auth()
                .preemptive()
                .basic(caller.get("id"), caller.get("secret"))
                .formParam("token", token)
                .post("/oauth2/introspect");
    }

    private static Map<String, String> registerClient(String tenantId) {
        JsonPath created = given().contentType(ContentType.JSON)
                .body(Map.of("name", "introspector", "applicationId", TestApplications.createIn(tenantId)))
                .post("/tenants/{t}/oauth-clients", tenantId)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        return Map.of("id", created.getString("clientId"), "secret", created.getString("clientSecret"));
    }
}
