package io.keygate.token.identity.rest;

import static io.keygate.token.testdata.Identities.as;
import static io.keygate.token.testdata.Identities.code;
import static io.keygate.token.testdata.Identities.from;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.keygate.events.EventEnvelope;
import io.keygate.events.EventType;
import io.keygate.events.KeygateEvent;
import io.keygate.events.Topic;
import io.keygate.events.identity.SessionEndReason;
import io.keygate.events.identity.SessionEnded;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.keygate.token.oauth.service.SigningKeyService;
import io.keygate.token.testdata.Identities;
import io.keygate.token.testdata.Identities.EnrolledUser;
import io.keygate.token.testdata.Passkeys;
import io.keygate.token.testdata.PublishedIdentityEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class UserAdministrationQuarkusTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    SigningKeyService signingKeys;

    private String tenant;

    @BeforeEach
    void tenant() {
        Identities.awaitSigningKey(signingKeys);
        tenant = Identities.newTenant();
    }

    @Test
    void tenantsAreCreatedOnceAndReadable() {
        given().get("/tenants/{t}", tenant).then().statusCode(200).body("id", equalTo(tenant));
        given().get("/tenants").then().statusCode(200).body("id", hasItem(tenant));
        given().contentType(ContentType.JSON)
                .body(Map.of("id", tenant, "name", "again"))
                .post("/tenants")
                .then()
                .statusCode(409);
        given().contentType(ContentType.JSON)
                .body(Map.of("id", "Not_A_Tenant", "name", "x"))
                .post("/tenants")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("id"));
        given().get("/tenants/{t}", "no-such-tenant").then().statusCode(404);
    }

    @Test
    void invitationsAreRefusedForBadInputAnUnknownTenantOrATakenAddress() {
        String email = Identities.newEmail();
        Identities.invite(tenant, email, List.of("viewer"));

        invite(tenant, Map.of("email", "not an address", "roles", List.of()))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("email"));
        invite(tenant, Map.of("email", Identities.newEmail(), "roles", List.of("owner")))
                .then()
                .statusCode(400)
                .body("errors[0].field", startsWith("roles"));
        invite("no-such-tenant", Map.of("email", Identities.newEmail(), "roles", List.of()))
                .then()
                .statusCode(404);
        invite(Identities.newTenant(), Map.of("email", email.toUpperCase(), "roles", List.of()))
                .then()
                .statusCode(409);
    }

    @Test
    void disablingAUserEndsItsSessionsAtOnceAndRefusesRefreshAndLogin() {
        EnrolledUser enrolled = Identities.enrolledUser(tenant, List.of("developer"));
        String sessionId = Identities.claims(enrolled.accessToken()).path("sid").asText();
        long exp = Identities.claims(enrolled.accessToken()).path("exp").asLong();

        given().post("/tenants/{t}/users/{u}/disable", tenant, enrolled.user().userId())
                .then()
                .statusCode(200)
                .body("status", equalTo("DISABLED"));

        from(enrolled.user().clientIp())
                .body(Map.of("refreshToken", enrolled.refreshToken()))
                .post("/auth/refresh")
                .then()
                .statusCode(401);
        from(enrolled.user().clientIp())
                .body(Map.of(
                        "email",
                        enrolled.user().email(),
                        "password",
                        enrolled.user().password()))
                .post("/auth/login")
                .then()
                .statusCode(401);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(PublishedIdentityEvents.of(sessionId))
                        .last()
                        .satisfies(envelope -> assertThat(envelope.data())
                                .isInstanceOfSatisfying(SessionEnded.class, ended -> {
                                    assertThat(ended.reason()).isEqualTo(SessionEndReason.USER_DISABLED);
                                    assertThat(ended.userId())
                                            .isEqualTo(enrolled.user().userId());
                                    assertThat(ended.session().tenantId()).isEqualTo(tenant);
                                    assertThat(ended.accessTokenExpiresAt().getEpochSecond())
                                            .isEqualTo(exp);
                                })));
        // The user event and the session ending committed together: the same correlation id.
        assertThat(PublishedIdentityEvents.of(enrolled.user().userId()))
                .last()
                .satisfies(disabled -> assertThat(disabled.correlationId())
                        .isEqualTo(PublishedIdentityEvents.of(sessionId)
                                .get(PublishedIdentityEvents.of(sessionId).size() - 1)
                                .correlationId()));
    }

    @Test
    void aPasswordChangeKeepsTheCallersSessionAndEndsTheOthers() {
        EnrolledUser enrolled = Identities.enrolledUser(tenant, List.of("developer"));
        var other = from(enrolled.user().clientIp())
                .body(Map.of(
                        "challengeToken",
                        from(enrolled.user().clientIp())
                                .body(Map.of(
                                        "email",
                                        enrolled.user().email(),
                                        "password",
                                        enrolled.user().password()))
                                .post("/auth/login")
                                .then()
                                .extract()
                                .path("challengeToken"),
                        "code",
                        code(enrolled.user().totpSecret(), 1)))
                .post("/auth/login/mfa")
                .then()
                .statusCode(200)
                .extract();
        String newPassword = Identities.newPassword();

        as(enrolled.accessToken())
                .body(Map.of("currentPassword", "not-the-password", "newPassword", newPassword))
                .post("/auth/password")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("currentPassword"));
        as(enrolled.accessToken())
                .body(Map.of("currentPassword", enrolled.user().password(), "newPassword", "qwerty123456"))
                .post("/auth/password")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("newPassword"));
        as(enrolled.accessToken())
                .body(Map.of("currentPassword", enrolled.user().password(), "newPassword", newPassword))
                .post("/auth/password")
                .then()
                .statusCode(204);

        from(enrolled.user().clientIp())
                .body(Map.of("refreshToken", other.path("refreshToken")))
                .post("/auth/refresh")
                .then()
                .statusCode(401);
        from(enrolled.user().clientIp())
                .body(Map.of("refreshToken", enrolled.refreshToken()))
                .post("/auth/refresh")
                .then()
                .statusCode(200);
    }

    @Test
    void everyIdentityEventTypeReachesKafkaWithActorAndClientAddress() {
        EnrolledUser enrolled = Identities.enrolledUser(tenant, List.of("developer"));
        String userId = enrolled.user().userId();
        given().contentType(ContentType.JSON)
                .body(Map.of("roles", List.of("admin", "auditor")))
                .patch("/tenants/{t}/users/{u}", tenant, userId)
                .then()
                .statusCode(200)
                .body("roles", contains("admin", "auditor"));
        var codes = as(enrolled.accessToken())
                .body(Map.of("code", code(enrolled.user().totpSecret(), 1)))
                .post("/auth/mfa/recovery-codes")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("recoveryCodes", hasSize(10))
                .extract()
                .<List<String>>path("recoveryCodes");
        var session = from(enrolled.user().clientIp())
                .body(Map.of(
                        "challengeToken",
                        from(enrolled.user().clientIp())
                                .body(Map.of(
                                        "email",
                                        enrolled.user().email(),
                                        "password",
                                        enrolled.user().password()))
                                .post("/auth/login")
                                .then()
                                .extract()
                                .path("challengeToken"),
                        "recoveryCode",
                        codes.get(0)))
                .post("/auth/login/mfa")
                .then()
                .statusCode(200)
                .extract();
        from(enrolled.user().clientIp())
                .body(Map.of("refreshToken", session.path("refreshToken")))
                .post("/auth/refresh")
                .then()
                .statusCode(200);
        String passkeyId = Passkeys.register(
                session.path("accessToken"), enrolled.user().clientIp(), Passkeys.newAuthenticator(), "Key");
        as(session.path("accessToken"))
                .delete("/auth/mfa/passkeys/{id}", passkeyId)
                .then()
                .statusCode(204);
        as(session.path("accessToken"))
                .body(Map.of("currentPassword", enrolled.user().password(), "newPassword", Identities.newPassword()))
                .post("/auth/password")
                .then()
                .statusCode(204);
        from(enrolled.user().clientIp())
                .body(Map.of("email", enrolled.user().email(), "password", "wrong-password-1"))
                .post("/auth/login")
                .then()
                .statusCode(401);
        given().post("/tenants/{t}/users/{u}/disable", tenant, userId).then().statusCode(200);
        given().post("/tenants/{t}/users/{u}/enable", tenant, userId).then().statusCode(200);
        given().delete("/tenants/{t}/users/{u}", tenant, userId).then().statusCode(204);
        given().delete("/tenants/{t}/users/{u}", tenant, userId).then().statusCode(204);
        given().get("/tenants/{t}/users/{u}", tenant, userId)
                .then()
                .statusCode(200)
                .body("status", equalTo("DELETED"));

        String serviceAccount = given().contentType(ContentType.JSON)
                .body(Map.of("name", "ci", "roles", List.of("viewer")))
                .post("/tenants/{t}/service-accounts", tenant)
                .then()
                .statusCode(201)
                .extract()
                .path("clientId");
        given().post("/tenants/{t}/service-accounts/{s}/revoke", tenant, serviceAccount)
                .then()
                .statusCode(200);
        String team = given().contentType(ContentType.JSON)
                .body(Map.of("name", "team", "memberIds", List.of()))
                .post("/tenants/{t}/teams", tenant)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "renamed"))
                .patch("/tenants/{t}/teams/{team}", tenant, team)
                .then()
                .statusCode(200);
        given().delete("/tenants/{t}/teams/{team}", tenant, team).then().statusCode(204);

        Set<String> identityTypes = Arrays.stream(EventType.values())
                .filter(type -> type.topic() == Topic.IDENTITIES)
                .map(EventType::type)
                .collect(Collectors.toSet());
        await().atMost(WAIT).untilAsserted(() -> {
            List<EventEnvelope<KeygateEvent>> published = PublishedIdentityEvents.all();
            assertThat(published.stream().map(e -> e.type().type()).collect(Collectors.toSet()))
                    .containsAll(identityTypes);
            assertThat(published.stream()
                            .filter(e -> e.type().type().equals("io.keygate.identity.user-password-changed.v1"))
                            .filter(e -> e.subject().equals(userId)))
                    .singleElement()
                    .satisfies(e -> {
                        assertThat(e.actor()).isEqualTo("user:" + userId);
                        assertThat(e.clientIp()).isEqualTo("127.0.0.1");
                    });
        });
    }

    @Test
    void selfServiceForASessionWhoseUserHasNoAccountIsNotAuthenticated() {
        // The default test session is valid, but its user has no account here.
        given().get("/auth/me")
                .then()
                .statusCode(401)
                .body("type", equalTo("https://keygate.io/problems/inactive-account"));
        given().post("/auth/logout").then().statusCode(401).contentType("application/problem+json");
    }

    private static io.restassured.response.Response invite(String tenantId, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/tenants/{t}/invitations", tenantId);
    }
}
