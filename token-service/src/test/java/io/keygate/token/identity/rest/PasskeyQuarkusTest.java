package io.keygate.token.identity.rest;

import static io.keygate.token.testdata.Identities.from;
import static io.keygate.token.testdata.Passkeys.assertion;
import static io.keygate.token.testdata.Passkeys.loginChallenge;
import static io.keygate.token.testdata.Passkeys.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.keygate.events.identity.LoginFailed;
import io.keygate.events.identity.LoginFailureReason;
import io.keygate.events.identity.LoginMethod;
import io.keygate.events.identity.LoginSucceeded;
import io.keygate.events.identity.UserPasskeyRegistered;
import io.keygate.events.identity.UserPasskeyRemoved;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.keygate.token.oauth.service.SigningKeyService;
import io.keygate.token.testdata.Identities;
import io.keygate.token.testdata.Identities.EnrolledUser;
import io.keygate.token.testdata.Identities.TestUser;
import io.keygate.token.testdata.Passkeys;
import io.keygate.token.testdata.PublishedIdentityEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.webauthn.WebAuthnHardware;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class PasskeyQuarkusTest {

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
    void aRegisteredPasskeyCompletesTheLoginAndTheSessionWorks() {
        EnrolledUser enrolled = Identities.enrolledUser(tenant, List.of("developer"));
        TestUser user = enrolled.user();
        from(user.clientIp())
                .body(Map.of("email", user.email(), "password", user.password()))
                .post("/auth/login")
                .then()
                .body("methods", equalTo(List.of("totp", "recovery-code")));
        WebAuthnHardware authenticator = Passkeys.newAuthenticator();

        String passkeyId = Passkeys.register(enrolled.accessToken(), user.clientIp(), authenticator, "YubiKey 5C");

        String challenge = mfaChallenge(user);
        String webAuthnChallenge = from(user.clientIp())
                .body(Map.of("challengeToken", challenge))
                .post("/auth/login/passkey/options")
                .then()
                .statusCode(200)
                .body("rpId", equalTo("localhost"))
                .body("allowCredentials", hasSize(1))
                .body("allowCredentials[0].id", equalTo(credentialId(authenticator)))
                .extract()
                .path("challenge");
        String accessToken = assertion(user.clientIp(), challenge, authenticator.makeLoginJson(webAuthnChallenge))
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("tokenType", equalTo("Bearer"))
                .extract()
                .path("accessToken");

        Identities.as(accessToken)
                .get("/auth/me")
                .then()
                .statusCode(200)
                .body("user.passkeys", equalTo(1))
                .body("user.mfaEnrolled", equalTo(true));
        signedIn(accessToken, user.clientIp())
                .get("/auth/mfa/passkeys")
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].id", equalTo(passkeyId))
                .body("[0].name", equalTo("YubiKey 5C"))
                .body("[0].createdAt", notNullValue())
                .body("[0].lastUsedAt", notNullValue())
                .body("[0].keySet()", containsInAnyOrder("id", "name", "createdAt", "lastUsedAt"));
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(PublishedIdentityEvents.of(user.userId())).anySatisfy(envelope -> {
                assertThat(envelope.data()).isInstanceOfSatisfying(UserPasskeyRegistered.class, registered -> {
                    assertThat(registered.passkeyId()).isEqualTo(passkeyId);
                    assertThat(registered.name()).isEqualTo("YubiKey 5C");
                    assertThat(registered.user().passkeys()).isEqualTo(1);
                });
                assertThat(envelope.actor()).isEqualTo("user:" + user.userId());
                assertThat(envelope.clientIp()).isEqualTo(user.clientIp());
            });
            assertThat(PublishedIdentityEvents.all())
                    .anySatisfy(envelope -> assertThat(envelope.data())
                            .isInstanceOfSatisfying(LoginSucceeded.class, succeeded -> {
                                assertThat(succeeded.userId()).isEqualTo(user.userId());
                                assertThat(succeeded.method()).isEqualTo(LoginMethod.PASSWORD_AND_PASSKEY);
                            }));
        });
    }

    @Test
    void anAuthenticatorThatIsNotOneOfTheUsersPasskeysIsRefused() {
        EnrolledUser enrolled = Identities.enrolledUser(tenant, List.of("viewer"));
        TestUser user = enrolled.user();
        Passkeys.register(enrolled.accessToken(), user.clientIp(), Passkeys.newAuthenticator(), "mine");
        EnrolledUser other = Identities.enrolledUser(tenant, List.of("viewer"));
        WebAuthnHardware othersPasskey = Passkeys.newAuthenticator();
        Passkeys.register(other.accessToken(), other.user().clientIp(), othersPasskey, "theirs");

        String challenge = mfaChallenge(user);
        Response unknown = assertion(
                user.clientIp(),
                challenge,
                Passkeys.newAuthenticator().makeLoginJson(loginChallenge(user.clientIp(), challenge)));
        Response anotherUsers = assertion(
                user.clientIp(), challenge, othersPasskey.makeLoginJson(loginChallenge(user.clientIp(), challenge)));

        for (Response refused : List.of(unknown, anotherUsers)) {
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.jsonPath().getString("type"))
                    .isEqualTo("https://keygate.io/problems/authentication-failed");
        }
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(PublishedIdentityEvents.all().stream()
                                .map(envelope -> envelope.data())
                                .filter(data -> data instanceof LoginFailed failed
                                        && user.userId().equals(failed.userId())
                                        && failed.reason() == LoginFailureReason.BAD_PASSKEY))
                        .hasSize(2));
    }

    @Test
    void aWebAuthnChallengeAndALoginChallengeAreUsedOnce() {
        EnrolledUser enrolled = Identities.enrolledUser(tenant, List.of("viewer"));
        TestUser user = enrolled.user();
        WebAuthnHardware authenticator = Passkeys.newAuthenticator();
        Passkeys.register(enrolled.accessToken(), user.clientIp(), authenticator, "key");
        String challenge = mfaChallenge(user);
        JsonObject signed = authenticator.makeLoginJson(loginChallenge(user.clientIp(), challenge));
        assertion(user.clientIp(), challenge, signed).then().statusCode(200);

        // The login challenge is spent.
        assertion(user.clientIp(), challenge, signed)
                .then()
                .statusCode(401)
                .body("errors[0].field", equalTo("challengeToken"));
        // A new login with the old assertion: its WebAuthn challenge is not the new one.
        String next = mfaChallenge(user);
        loginChallenge(user.clientIp(), next);
        assertion(user.clientIp(), next, signed)
                .then()
                .statusCode(401)
                .body("type", equalTo("https://keygate.io/problems/authentication-failed"));
        // A failed try used the WebAuthn challenge up: a right answer to it is refused too.
        String third = mfaChallenge(user);
        String webAuthnChallenge = loginChallenge(user.clientIp(), third);
        assertion(user.clientIp(), third, Passkeys.newAuthenticator().makeLoginJson(webAuthnChallenge))
                .then()
                .statusCode(401);
        assertion(user.clientIp(), third, authenticator.makeLoginJson(webAuthnChallenge))
                .then()
                .statusCode(401);
    }

    @Test
    void anAssertionWhoseCounterDidNotMoveForwardIsRefusedAsAClone() {
        EnrolledUser enrolled = Identities.enrolledUser(tenant, List.of("viewer"));
        TestUser user = enrolled.user();
        WebAuthnHardware authenticator = Passkeys.newAuthenticator();
        Passkeys.register(enrolled.accessToken(), user.clientIp(), authenticator, "key");
        String first = mfaChallenge(user);
        String firstWebAuthn = loginChallenge(user.clientIp(), first);
        String second = mfaChallenge(user);
        String secondWebAuthn = loginChallenge(user.clientIp(), second);
        // Signed in this order, so the second login's assertion carries the lower counter (as a clone's would).
        JsonObject lowerCounter = authenticator.makeLoginJson(secondWebAuthn);
        JsonObject higherCounter = authenticator.makeLoginJson(firstWebAuthn);

        assertion(user.clientIp(), first, higherCounter).then().statusCode(200);
        assertion(user.clientIp(), second, lowerCounter)
                .then()
                .statusCode(401)
                .body("type", equalTo("https://keygate.io/problems/authentication-failed"));
    }

    @Test
    void aRemovedPasskeyNoLongerLogsIn() {
        EnrolledUser enrolled = Identities.enrolledUser(tenant, List.of("admin"));
        TestUser user = enrolled.user();
        WebAuthnHardware kept = Passkeys.newAuthenticator();
        WebAuthnHardware removed = Passkeys.newAuthenticator();
        String keptId = Passkeys.register(enrolled.accessToken(), user.clientIp(), kept, "kept");
        String removedId = Passkeys.register(enrolled.accessToken(), user.clientIp(), removed, "removed");

        signedIn(enrolled.accessToken(), user.clientIp())
                .delete("/auth/mfa/passkeys/{id}", removedId)
                .then()
                .statusCode(204);

        signedIn(enrolled.accessToken(), user.clientIp())
                .delete("/auth/mfa/passkeys/{id}", removedId)
                .then()
                .statusCode(404);
        signedIn(enrolled.accessToken(), user.clientIp())
                .get("/auth/mfa/passkeys")
                .then()
                .body("id", equalTo(List.of(keptId)));
        String challenge = mfaChallenge(user);
        assertion(user.clientIp(), challenge, removed.makeLoginJson(loginChallenge(user.clientIp(), challenge)))
                .then()
                .statusCode(401);
        assertion(user.clientIp(), challenge, kept.makeLoginJson(loginChallenge(user.clientIp(), challenge)))
                .then()
                .statusCode(200);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(PublishedIdentityEvents.of(user.userId()))
                        .anySatisfy(envelope -> {
                            assertThat(envelope.data()).isInstanceOfSatisfying(UserPasskeyRemoved.class, event -> {
                                assertThat(event.passkeyId()).isEqualTo(removedId);
                                assertThat(event.user().passkeys()).isEqualTo(1);
                            });
                            assertThat(envelope.actor()).isEqualTo("user:" + user.userId());
                            assertThat(envelope.clientIp()).isEqualTo(user.clientIp());
                        }));
    }

    @Test
    void badInputIsAProblemNeverAStackTrace() {
        EnrolledUser enrolled = Identities.enrolledUser(tenant, List.of("viewer"));
        TestUser user = enrolled.user();
        WebAuthnHardware authenticator = Passkeys.newAuthenticator();

        // A registration without options first.
        signedIn(enrolled.accessToken(), user.clientIp())
                .body(new JsonObject()
                        .put("name", "key")
                        .put("credential", authenticator.makeRegistrationJson("bm90LWEtY2hhbGxlbmdl"))
                        .encode())
                .post("/auth/mfa/passkeys")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        // An attestation of another challenge.
        Passkeys.registrationChallenge(enrolled.accessToken(), user.clientIp());
        signedIn(enrolled.accessToken(), user.clientIp())
                .body(new JsonObject()
                        .put("name", "key")
                        .put("credential", authenticator.makeRegistrationJson("bm90LXRoZS1jaGFsbGVuZ2U"))
                        .encode())
                .post("/auth/mfa/passkeys")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("credential"));
        // Not a PublicKeyCredential at all.
        Response malformed = signedIn(enrolled.accessToken(), user.clientIp())
                .body(Map.of("name", "key", "credential", Map.of("id", "x")))
                .post("/auth/mfa/passkeys");
        Passkeys.register(enrolled.accessToken(), user.clientIp(), authenticator, "key");
        String challenge = mfaChallenge(user);
        Response malformedAssertion = from(user.clientIp())
                .body(Map.of("challengeToken", challenge, "credential", Map.of("type", "public-key")))
                .post("/auth/login/passkey");
        loginChallenge(user.clientIp(), challenge);
        Response garbledAssertion = assertion(
                user.clientIp(),
                challenge,
                new JsonObject()
                        .put("id", credentialId(authenticator))
                        .put("rawId", credentialId(authenticator))
                        .put("type", "public-key")
                        .put("response", new JsonObject().put("clientDataJSON", "%%%")));

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.jsonPath().getString("errors[0].field")).isEqualTo("credential");
        assertThat(malformedAssertion.statusCode()).isEqualTo(400);
        assertThat(garbledAssertion.statusCode()).isEqualTo(401);
        for (Response problem : List.of(malformed, malformedAssertion, garbledAssertion)) {
            assertThat(problem.contentType()).startsWith("application/problem+json");
            assertThat(problem.asString()).doesNotContain("Exception", "\tat ", "webauthn4j");
        }
    }

    @Test
    void theExtensionsOwnEndpointsAreNotServed() {
        for (String path : List.of(
                "/q/webauthn/register-options-challenge?username=x",
                "/q/webauthn/login-options-challenge",
                "/q/webauthn/logout",
                "/q/webauthn/webauthn.js")) {
            from(Identities.newClientIp()).get(path).then().statusCode(404).header("Set-Cookie", nullValue());
        }
        from(Identities.newClientIp())
                .body("{}")
                .post("/q/webauthn/login")
                .then()
                .statusCode(404);
    }

    private static String mfaChallenge(TestUser user) {
        return from(user.clientIp())
                .body(Map.of("email", user.email(), "password", user.password()))
                .post("/auth/login")
                .then()
                .statusCode(200)
                .body("step", equalTo("MFA"))
                .extract()
                .path("challengeToken");
    }

    private static String credentialId(WebAuthnHardware authenticator) {
        return authenticator.makeLoginJson("eA").getString("id");
    }
}
