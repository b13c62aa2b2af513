package io.keygate.token.identity.rest;

import static io.keygate.token.testdata.Identities.from;
import static io.keygate.token.testdata.Passkeys.assertion;
import static io.keygate.token.testdata.Passkeys.loginChallenge;
import static io.keygate.token.testdata.Passkeys.signedIn;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.keygate.token.oauth.service.SigningKeyService;
import io.keygate.token.testdata.Identities;
import io.keygate.token.testdata.Identities.TestUser;
import io.keygate.token.testdata.MfaOptionalProfile;
import io.keygate.token.testdata.Passkeys;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.webauthn.WebAuthnHardware;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where MFA is optional, a passkey alone still makes every login ask for a second factor. */
@QuarkusTest
@TestProfile(MfaOptionalProfile.class)
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class PasskeyOnlyUserQuarkusTest {

    @Inject
    SigningKeyService signingKeys;

    @Test
    void aUserWithOnlyAPasskeyIsAskedForItAndWithoutItIsNot() {
        Identities.awaitSigningKey(signingKeys);
        TestUser user = Identities.activeUser(Identities.newTenant(), List.of("developer"));
        String accessToken = login(user)
                .then()
                .statusCode(200)
                .body("step", nullValue())
                .extract()
                .path("accessToken");
        WebAuthnHardware authenticator = Passkeys.newAuthenticator();
        String passkeyId = Passkeys.register(accessToken, user.clientIp(), authenticator, "Laptop");

        String challenge = login(user)
                .then()
                .statusCode(200)
                .body("step", equalTo("MFA"))
                .body("accessToken", nullValue())
                .body("methods", equalTo(List.of("passkey")))
                .extract()
                .path("challengeToken");
        // No TOTP: a code is no way through.
        from(user.clientIp())
                .body(Map.of("challengeToken", challenge, "code", "123456"))
                .post("/auth/login/mfa")
                .then()
                .statusCode(401);
        String session = assertion(
                        user.clientIp(),
                        challenge,
                        authenticator.makeLoginJson(loginChallenge(user.clientIp(), challenge)))
                .then()
                .statusCode(200)
                .extract()
                .path("accessToken");
        Identities.as(session)
                .get("/auth/me")
                .then()
                .body("user.mfaEnrolled", equalTo(true))
                .body("user.totpEnrolled", equalTo(false))
                .body("user.passkeys", equalTo(1));

        signedIn(session, user.clientIp())
                .delete("/auth/mfa/passkeys/{id}", passkeyId)
                .then()
                .statusCode(204);
        login(user).then().statusCode(200).body("step", nullValue()).body("accessToken", notNullValue());
    }

    private static io.restassured.response.Response login(TestUser user) {
        return from(user.clientIp())
                .body(Map.of("email", user.email(), "password", user.password()))
                .post("/auth/login");
    }
}
