package io.keygate.token.identity.bootstrap;

import static io.keygate.token.testdata.Identities.as;
import static io.keygate.token.testdata.Identities.code;
import static io.keygate.token.testdata.Identities.from;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.keygate.token.identity.password.PasswordHasher;
import io.keygate.token.oauth.service.SigningKeyService;
import io.keygate.token.testdata.Identities;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class AdminBootstrapQuarkusTest {

    private static final String ADMIN = "admin@keygate.local";

    @Inject
    SigningKeyService signingKeys;

    @Inject
    AdminBootstrap bootstrap;

    @ConfigProperty(name = "keygate.identity.bootstrap.admin-password")
    String oneTimePassword;

    @ConfigProperty(name = "keygate.oauth.issuer")
    String issuer;

    @Test
    void theFirstAdminGoesFromTheOneTimePasswordThroughPasswordChangeAndTotpToAVerifiableSession() throws Exception {
        Identities.awaitSigningKey(signingKeys);
        String clientIp = Identities.newClientIp();
        String challenge = login(clientIp, oneTimePassword)
                .then()
                .statusCode(200)
                .body("step", equalTo("PASSWORD_CHANGE"))
                .extract()
                .path("challengeToken");

        from(clientIp)
                .body(Map.of("challengeToken", challenge, "newPassword", oneTimePassword))
                .post("/auth/login/password")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("newPassword"));
        String newPassword = Identities.newPassword();
        String enrolment = from(clientIp)
                .body(Map.of("challengeToken", challenge, "newPassword", newPassword))
                .post("/auth/login/password")
                .then()
                .statusCode(200)
                .body("step", equalTo("MFA_ENROLMENT"))
                .extract()
                .path("challengeToken");
        login(clientIp, oneTimePassword).then().statusCode(401);

        var scan = from(clientIp)
                .body(Map.of("challengeToken", enrolment))
                .post("/auth/login/mfa-enrolment")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("otpauthUri", startsWith("otpauth://totp/Keygate:admin%40keygate.local?secret="))
                .body("qrCode", startsWith("data:image/svg+xml;base64,"))
                .extract();
        from(clientIp)
                .body(Map.of("challengeToken", enrolment, "code", "000000"))
                .post("/auth/login/mfa-enrolment/confirm")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("code"));
        var session = from(clientIp)
                .body(Map.of("challengeToken", enrolment, "code", code(scan.path("secret"), 0)))
                .post("/auth/login/mfa-enrolment/confirm")
                .then()
                .statusCode(200)
                .body("recoveryCodes", hasSize(10))
                .extract();

        String userId = as(session.path("accessToken"))
                .get("/auth/me")
                .then()
                .statusCode(200)
                .body("user.platformAdmin", equalTo(true))
                .body("user.passwordChangeRequired", equalTo(false))
                .body("user.mfaEnrolled", equalTo(true))
                .extract()
                .path("user.id");
        SignedJWT jwt = SignedJWT.parse(session.<String>path("accessToken"));
        JWKSet jwks = JWKSet.parse(given().get("/.well-known/jwks.json").asString());
        RSAKey key = (RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(issuer);
        assertThat(claims.getAudience()).containsExactly("keygate-console");
        assertThat(claims.getSubject()).isEqualTo(userId);
        assertThat(claims.getStringClaim("sid")).startsWith("ses_");
        assertThat(claims.getStringClaim("token_use")).isEqualTo("session");
        assertThat(claims.getClaim("tenant")).isNull();
        assertThat(claims.getStringListClaim("roles")).isEmpty();
        assertThat(claims.getBooleanClaim("platform_admin")).isTrue();
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(Duration.between(
                        claims.getIssueTime().toInstant(),
                        claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(5));

        // The platform admin creates a tenant and invites its first admin, whose token carries tenant and roles.
        String tenant = "t-boot-" + userId.substring(4, 12);
        given().contentType(ContentType.JSON)
                .body(Map.of("id", tenant, "name", "Bootstrapped"))
                .post("/tenants")
                .then()
                .statusCode(201);
        var tenantAdmin = Identities.enrolledUser(tenant, List.of("admin", "auditor"));
        var tenantClaims = Identities.claims(tenantAdmin.accessToken());
        assertThat(tenantClaims.path("tenant").asText()).isEqualTo(tenant);
        assertThat(tenantClaims.path("roles").toString()).isEqualTo("[\"admin\",\"auditor\"]");
        assertThat(tenantClaims.has("platform_admin")).isFalse();
    }

    @Test
    void anotherStartCreatesNoSecondAdmin() {
        var created = bootstrap
                .createIfNoUser("second@keygate.local", new PasswordHasher().hash("unused-password-x"))
                .await()
                .atMost(Duration.ofSeconds(10));

        assertThat(created).isNull();
        from(Identities.newClientIp())
                .body(Map.of("email", "second@keygate.local", "password", "unused-password-x"))
                .post("/auth/login")
                .then()
                .statusCode(401);
    }

    private static io.restassured.response.Response login(String clientIp, String password) {
        return from(clientIp).body(Map.of("email", ADMIN, "password", password)).post("/auth/login");
    }
}
