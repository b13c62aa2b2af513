package io.keygate.token.testdata;

import static io.keygate.token.testdata.Identities.as;
import static io.keygate.token.testdata.Identities.from;

import io.quarkus.test.security.webauthn.WebAuthnHardware;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.json.JsonObject;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.Map;

/**
 * Passkeys through the API, with the WebAuthn extension's emulated authenticator ({@link WebAuthnHardware}: ES256,
 * "none" attestation, a signature counter that moves forward with every answer). Each hardware is a new credential.
 */
public final class Passkeys {

    /** The dashboard origin the test profile's relying party allows (the default of keygate.identity.webauthn). */
    public static final String ORIGIN = "http://localhost:8090";

    private Passkeys() {}

    /** A new emulated authenticator for the dashboard's origin. */
    public static WebAuthnHardware newAuthenticator() {
        try {
            return new WebAuthnHardware(new URL(ORIGIN));
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A self-service request of a signed-in user from {@code clientIp}. */
    public static RequestSpecification signedIn(String accessToken, String clientIp) {
        return as(accessToken).header("X-Forwarded-For", clientIp);
    }

    /** Registers the authenticator's credential as a passkey of the signed-in user and returns its id. */
    public static String register(String accessToken, String clientIp, WebAuthnHardware authenticator, String name) {
        String challenge = registrationChallenge(accessToken, clientIp);
        return signedIn(accessToken, clientIp)
                .body(new JsonObject()
                        .put("name", name)
                        .put("credential", authenticator.makeRegistrationJson(challenge))
                        .encode())
                .post("/auth/mfa/passkeys")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Starts a registration and returns the WebAuthn challenge of its options. */
    public static String registrationChallenge(String accessToken, String clientIp) {
        return signedIn(accessToken, clientIp)
                .post("/auth/mfa/passkeys/options")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .extract()
                .path("challenge");
    }

    /** Asks for the passkey options of a login's MFA step and returns their WebAuthn challenge. */
    public static String loginChallenge(String clientIp, String challengeToken) {
        return from(clientIp)
                .body(Map.of("challengeToken", challengeToken))
                .post("/auth/login/passkey/options")
                .then()
                .statusCode(200)
                .extract()
                .path("challenge");
    }

    /** Sends an assertion for a login's MFA step. */
    public static Response assertion(String clientIp, String challengeToken, JsonObject credential) {
        return from(clientIp)
                .body(new JsonObject()
                        .put("challengeToken", challengeToken)
                        .put("credential", credential)
                        .encode())
                .post("/auth/login/passkey");
    }
}
