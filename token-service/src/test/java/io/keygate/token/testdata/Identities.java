package io.keygate.token.testdata;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keygate.access.mfa.Base32;
import io.keygate.access.mfa.Totp;
import io.keygate.token.IssuedSecretsRecorder;
import io.keygate.token.oauth.service.SigningKeyService;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;

/**
 * Tenants, users and logins through the API, for identity tests. Each test client gets a client address of its own
 * (tests come from 127.0.0.1, a trusted proxy in the test profile, and name the client in {@code X-Forwarded-For}), so
 * lockouts of one test never reach another. Every password, code and token used here is remembered for the log scan.
 */
public final class Identities {

    private static final Totp TOTP = new Totp(Clock.systemUTC());
    private static final ObjectMapper JSON = new ObjectMapper();

    private Identities() {}

    /** The claims of a JWT, read without checking its signature. */
    public static JsonNode claims(String jwt) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Waits until the service has an active signing key (it publishes one at start), so sessions can be signed. */
    public static void awaitSigningKey(SigningKeyService signingKeys) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> signingKeys.hasSigningKey().await().atMost(Duration.ofSeconds(5)));
    }

    /** A fresh documentation address (198.18.0.0/15, benchmarking range) for one test client. */
    public static String newClientIp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.18." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    /** A request from {@code clientIp}. */
    public static RequestSpecification from(String clientIp) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", clientIp);
    }

    /** A request carrying a session access token. */
    public static RequestSpecification as(String accessToken) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + accessToken);
    }

    /** Creates a tenant with a fresh id and returns the id. */
    public static String newTenant() {
        String tenantId = "t-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON)
                .body(Map.of("id", tenantId, "name", "Tenant " + tenantId))
                .post("/tenants")
                .then()
                .statusCode(201);
        return tenantId;
    }

    /** A fresh e-mail address. */
    public static String newEmail() {
        return "u" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }

    /** A fresh password that passes the policy. */
    public static String newPassword() {
        String password = "Pw-" + UUID.randomUUID();
        IssuedSecretsRecorder.remember(password);
        return password;
    }

    /** Invites a user and returns the response (userId, invitationToken, expiresAt). */
    public static ExtractableResponse<Response> invite(String tenantId, String email, List<String> roles) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "roles", roles))
                .post("/tenants/{t}/invitations", tenantId)
                .then()
                .statusCode(201)
                .extract();
    }

    /** An active user of a tenant with a password but no TOTP yet. */
    public static TestUser activeUser(String tenantId, List<String> roles) {
        String email = newEmail();
        String password = newPassword();
        var invitation = invite(tenantId, email, roles);
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "invitationToken",
                        invitation.path("invitationToken"),
                        "password",
                        password,
                        "displayName",
                        "Test User"))
                .post("/auth/invitations/accept")
                .then()
                .statusCode(200);
        return new TestUser(invitation.path("userId"), email, password, null, newClientIp());
    }

    /** An active user with TOTP enrolled (through the login's enrolment step) and its first session. */
    public static EnrolledUser enrolledUser(String tenantId, List<String> roles) {
        TestUser user = activeUser(tenantId, roles);
        String challenge = from(user.clientIp())
                .body(Map.of("email", user.email(), "password", user.password()))
                .post("/auth/login")
                .then()
                .statusCode(200)
                .extract()
                .path("challengeToken");
        String secret = from(user.clientIp())
                .body(Map.of("challengeToken", challenge))
                .post("/auth/login/mfa-enrolment")
                .then()
                .statusCode(200)
                .extract()
                .path("secret");
        var session = from(user.clientIp())
                .body(Map.of("challengeToken", challenge, "code", code(secret, 0)))
                .post("/auth/login/mfa-enrolment/confirm")
                .then()
                .statusCode(200)
                .extract();
        return new EnrolledUser(
                user.withTotp(secret),
                session.path("accessToken"),
                session.path("refreshToken"),
                session.path("recoveryCodes"));
    }

    /** The TOTP code of the secret {@code offset} steps from now, remembered for the log scan in its JSON form. */
    public static String code(String base32Secret, int offset) {
        String code = TOTP.codeAt(Base32.decode(base32Secret), Totp.stepAt(Instant.now()) + offset);
        IssuedSecretsRecorder.remember("\"code\":\"" + code + "\"");
        return code;
    }

    /** A user as a test knows it. */
    public record TestUser(String userId, String email, String password, String totpSecret, String clientIp) {
        TestUser withTotp(String secret) {
            return new TestUser(userId, email, password, secret, clientIp);
        }
    }

    /** An enrolled user with the tokens of its first session and its recovery codes. */
    public record EnrolledUser(TestUser user, String accessToken, String refreshToken, List<String> recoveryCodes) {}
}
