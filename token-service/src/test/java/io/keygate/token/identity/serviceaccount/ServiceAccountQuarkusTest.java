package io.keygate.token.identity.serviceaccount;

import static io.keygate.token.testdata.Identities.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.keygate.events.identity.ServiceAccountRevoked;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.keygate.testkit.TestSessions;
import io.keygate.token.oauth.service.SigningKeyService;
import io.keygate.token.testdata.Identities;
import io.keygate.token.testdata.PublishedIdentityEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Service accounts end to end in the token-service: created by an admin with a secret shown once, exchanged for a
 * service token that the access check decides like a session of the account's roles in its tenant, and revoked for
 * good (its live tokens refused as soon as the event comes back).
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class ServiceAccountQuarkusTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    SigningKeyService signingKeys;

    private String tenant;
    private String admin;

    @BeforeEach
    void tenant() {
        Identities.awaitSigningKey(signingKeys);
        tenant = Identities.newTenant();
        admin = TestSessions.member(tenant, "admin");
    }

    @Test
    void aServiceTokenActsWithTheAccountsRolesInItsTenantOnly() {
        Response created = createAccount("ci", List.of("viewer"));
        String id = created.path("clientId");
        String secret = created.path("clientSecret");
        assertThat(secret).startsWith(ServiceAccountService.SECRET_PREFIX).hasSizeGreaterThan(40);
        assertThat(created.header("Cache-Control")).isEqualTo("no-store");
        // Shown once: reading the account never shows it again.
        as(admin)
                .get("/tenants/{t}/service-accounts/{s}", tenant, id)
                .then()
                .statusCode(200)
                .body("name", equalTo("ci"))
                .body("status", equalTo("ACTIVE"))
                .body("clientSecret", nullValue());
        assertThat(as(admin).get("/tenants/{t}/service-accounts", tenant).asString())
                .doesNotContain(secret);

        Response token = serviceToken(id, secret);
        assertThat(token.statusCode()).as(token.asString()).isEqualTo(200);
        assertThat(token.<String>path("token_type")).isEqualTo("Bearer");
        assertThat(token.<Integer>path("expires_in")).isEqualTo(900);
        assertThat(token.header("Cache-Control")).isEqualTo("no-store");
        String serviceToken = token.path("access_token");
        assertThat(Identities.claims(serviceToken).path("sub").asText()).isEqualTo(id);
        assertThat(Identities.claims(serviceToken).path("token_use").asText()).isEqualTo("service");

        // A viewer reads, does not write, and stays in its tenant.
        as(serviceToken).get("/tenants/{t}/applications", tenant).then().statusCode(200);
        as(serviceToken)
                .body(Map.of("name", "x"))
                .post("/tenants/{t}/applications", tenant)
                .then()
                .statusCode(403);
        as(serviceToken)
                .get("/tenants/{t}/applications", Identities.newTenant())
                .then()
                .statusCode(403);
        // It is nobody's session: the self-service endpoints have no user for it.
        assertThat(as(serviceToken).get("/auth/me").statusCode()).isIn(401, 403);
    }

    @Test
    void wrongOrUnknownCredentialsGetTheSameAnswer() {
        String id = createAccount("ci", List.of("admin")).path("clientId");

        Response wrongSecret = serviceToken(id, ServiceAccountService.SECRET_PREFIX + "x".repeat(43));
        Response unknown = serviceToken(ServiceAccount.newId(), ServiceAccountService.SECRET_PREFIX + "x".repeat(43));
        for (Response refused : List.of(wrongSecret, unknown)) {
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.<String>path("error")).isEqualTo("invalid_client");
            assertThat(refused.header("WWW-Authenticate")).startsWith("Basic");
        }
        assertThat(wrongSecret.asString()).isEqualTo(unknown.asString());
        given().formParam("grant_type", "password")
                .auth()
                .preemptive()
                .basic(id, "whatever")
                .post("/auth/service-token")
                .then()
                .statusCode(400)
                .body("error", equalTo("unsupported_grant_type"));
    }

    @Test
    void revokingAnAccountEndsItsTokensAndRefusesNewOnes() {
        Response created = createAccount("deploy bot", List.of("admin"));
        String id = created.path("clientId");
        String secret = created.path("clientSecret");
        String serviceToken = serviceToken(id, secret).path("access_token");
        as(serviceToken)
                .body(Map.of("name", "made by a bot"))
                .post("/tenants/{t}/applications", tenant)
                .then()
                .statusCode(201)
                .body("ownerId", equalTo(id));

        as(admin)
                .post("/tenants/{t}/service-accounts/{s}/revoke", tenant, id)
                .then()
                .statusCode(200)
                .body("status", equalTo("REVOKED"));

        assertThat(serviceToken(id, secret).statusCode()).isEqualTo(401);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(as(serviceToken)
                                .get("/tenants/{t}/applications", tenant)
                                .statusCode())
                        .isEqualTo(401));
        List<EventEnvelope<KeygateEvent>> events = PublishedIdentityEvents.of(id);
        assertThat(events)
                .extracting(e -> e.type().type())
                .containsExactly(
                        "io.keygate.identity.service-account-created.v1",
                        "io.keygate.identity.service-account-revoked.v1");
        assertThat(events.get(1).actor()).isEqualTo("user:" + TestSessions.userIdOf(admin));
        assertThat(((ServiceAccountRevoked) events.get(1).data()).tokensExpireBy())
                .isAfter(events.get(1).occurredAt().plus(Duration.ofMinutes(15)));
        // Revoking again changes nothing.
        as(admin)
                .post("/tenants/{t}/service-accounts/{s}/revoke", tenant, id)
                .then()
                .statusCode(200);
        assertThat(PublishedIdentityEvents.of(id)).hasSize(2);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        as(admin)
                .body(Map.of("name", "ci", "roles", List.of()))
                .post("/tenants/{t}/service-accounts", tenant)
                .then()
                .statusCode(400);
        as(admin)
                .body(Map.of("name", "ci", "roles", List.of("root")))
                .post("/tenants/{t}/service-accounts", tenant)
                .then()
                .statusCode(400);
        as(admin)
                .body(Map.of("name", "ci\u0007", "roles", List.of("viewer")))
                .post("/tenants/{t}/service-accounts", tenant)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("name"));
        as(admin)
                .get("/tenants/{t}/service-accounts/{s}", tenant, ServiceAccount.newId())
                .then()
                .statusCode(404);
    }

    private Response createAccount(String name, List<String> roles) {
        Response created =
                as(admin).body(Map.of("name", name, "roles", roles)).post("/tenants/{t}/service-accounts", tenant);
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        return created;
    }

    private static Response serviceToken(String id, String secret) {
        return given().formParam("grant_type", "client_credentials")
                .auth()
                .preemptive()
                .basic(id, secret)
                .post("/auth/service-token");
    }
}
