package io.keygate.token.oauth.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.keygate.events.KeygateEvent;
import io.keygate.events.credential.ApiKeyHasher;
import io.keygate.events.oauth.OAuthClientRegistered;
import io.keygate.events.oauth.OAuthClientRevoked;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.keygate.token.oauth.ClientSecrets;
import io.keygate.token.testdata.PublishedTokenEvents;
import io.keygate.token.testdata.StoredEvents;
import io.keygate.token.testdata.TestApplications;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class OAuthClientResourceQuarkusTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    Pool pool;

    @ConfigProperty(name = "keygate.api-key.pepper")
    String pepper;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void registeredClientSecretIsShownOnceAndStoredAndPublishedOnlyAsItsKeyedHash() {
        String app = TestApplications.createIn(tenant);
        var created = given().contentType(ContentType.JSON)
                .body(Map.of("name", "billing batch", "applicationId", app, "scopes", List.of("orders:read")))
                .post("/tenants/{t}/oauth-clients", tenant)
                .then()
                .statusCode(201)
                .header("Location", startsWith("http"))
                .header("Cache-Control", "no-store")
                .body("status", equalTo("ACTIVE"))
                .body("applicationId", equalTo(app))
                .extract()
                .jsonPath();
        String clientId = created.getString("clientId");
        String secret = created.getString("clientSecret");
        assertThat(clientId).matches(ClientSecrets.CLIENT_ID);
        assertThat(secret).startsWith(ClientSecrets.SECRET_PREFIX).hasSizeGreaterThanOrEqualTo(48);

        given().get("/tenants/{t}/oauth-clients/{c}", tenant, clientId)
                .then()
                .statusCode(200)
                .body("$", not(hasKey("clientSecret")))
                .body("$", not(hasKey("secretHash")))
                .body("maskedSecret", equalTo(ClientSecrets.mask(secret)));
        given().get("/tenants/{t}/oauth-clients", tenant)
                .then()
                .statusCode(200)
                .body("[0].clientId", equalTo(clientId));
        String storedHash = pool.preparedQuery("SELECT secret_hash FROM oauth_client WHERE client_id = $1")
                .execute(Tuple.of(clientId))
                .await()
                .atMost(WAIT)
                .iterator()
                .next()
                .getString("secret_hash");
        assertThat(storedHash).isEqualTo(new ApiKeyHasher(pepper).hash(secret));
        assertThat(databaseText()).doesNotContain(secret);

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(published(clientId))
                        .singleElement()
                        .isInstanceOfSatisfying(OAuthClientRegistered.class, e -> {
                            assertThat(e.client().secretHash()).isEqualTo(storedHash);
                            assertThat(e.client().tenantId()).isEqualTo(tenant);
                        }));
    }

    @Test
    void revokedClientIsPublishedOnceEvenWhenRevokedTwice() {
        String clientId = register();

        given().post("/tenants/{t}/oauth-clients/{c}/revoke", tenant, clientId)
                .then()
                .statusCode(200)
                .body("status", equalTo("REVOKED"));
        given().post("/tenants/{t}/oauth-clients/{c}/revoke", tenant, clientId)
                .then()
                .statusCode(200);

        await().atMost(WAIT)
                .untilAsserted(
                        () -> assertThat(published(clientId)).hasSize(2).last().isInstanceOf(OAuthClientRevoked.class));
    }

    @Test
    void anotherTenantCannotSeeOrRevokeTheClient() {
        String clientId = register();

        given().get("/tenants/{t}/oauth-clients/{c}", "someone-else", clientId)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().post("/tenants/{t}/oauth-clients/{c}/revoke", "someone-else", clientId)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "x"))
                .post("/tenants/{t}/oauth-clients", tenant)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("applicationId"));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "x", "applicationId", "has space"))
                .post("/tenants/{t}/oauth-clients", tenant)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("applicationId"));
        String app = TestApplications.createIn(tenant);
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "x", "applicationId", app, "scopes", List.of("a b")))
                .post("/tenants/{t}/oauth-clients", tenant)
                .then()
                .statusCode(400)
                .body("errors[0].field", startsWith("scopes"));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "x", "applicationId", app, "clientSecret", "mine"))
                .post("/tenants/{t}/oauth-clients", tenant)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("clientSecret"));
        given().get("/tenants/{t}/oauth-clients/{c}", tenant, "not-a-client-id")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("clientId"));
    }

    private String register() {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", "c", "applicationId", TestApplications.createIn(tenant)))
                .post("/tenants/{t}/oauth-clients", tenant)
                .then()
                .statusCode(201)
                .extract()
                .path("clientId");
    }

    private String databaseText() {
        return StoredEvents.textOf(pool, "oauth_client");
    }

    private List<KeygateEvent> published(String clientId) {
        return PublishedTokenEvents.dataOf(clientId);
    }
}
