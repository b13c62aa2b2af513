package io.keygate.token.oauth.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.keygate.events.KeygateEvent;
import io.keygate.events.oauth.AccessTokenRevoked;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.keygate.token.oauth.service.ActiveSigningKey;
import io.keygate.token.oauth.service.SigningKeyService;
import io.keygate.token.testdata.PublishedTokenEvents;
import io.keygate.token.testdata.TestApplications;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class IntrospectionAndRevocationQuarkusTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    SigningKeyService signingKeys;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void anIssuedTokenIsActiveWithItsClaims() {
        Map<String, String> client = register(tenant);
        String token = token(client);

        introspect(client, token)
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("active", equalTo(true))
                .body("client_id", equalTo(client.get("id")))
                .body("scope", equalTo("orders:read"))
                .body("tenant", equalTo(tenant))
                .body("application", equalTo(client.get("application")))
                .body("token_type", equalTo("Bearer"));
    }

    @Test
    void aTokenForgedWithOurKeyAndValidClaimsIsActiveSoTheRejectionsBelowAreForTheirOneDefect() throws Exception {
        Map<String, String> client = register(tenant);

        introspect(
                        client,
                        signedWithOurKey(claims(client, "keygate", Instant.now().plusSeconds(300))))
                .then()
                .body("active", equalTo(true));
    }

    @Test
    void anExpiredTokenIsInactive() throws Exception {
        Map<String, String> client = register(tenant);

        introspect(
                        client,
                        signedWithOurKey(claims(client, "keygate", Instant.now().minusSeconds(60))))
                .then()
                .statusCode(200)
                .body("active", equalTo(false));
    }

    @Test
    void aTokenForAnotherAudienceIsInactive() throws Exception {
        Map<String, String> client = register(tenant);

        introspect(
                        client,
                        signedWithOurKey(
                                claims(client, "someone-else", Instant.now().plusSeconds(300))))
                .then()
                .body("active", equalTo(false));
    }

    @Test
    void anUnsignedTokenIsInactive() {
        Map<String, String> client = register(tenant);
        String none = new PlainJWT(claims(client, "keygate", Instant.now().plusSeconds(300))).serialize();

        introspect(client, none).then().body("active", equalTo(false));
    }

    @Test
    void anHs256TokenKeyedWithOurPublicKeyIsInactive() throws Exception {
        Map<String, String> client = register(tenant);
        ActiveSigningKey key = signingKeys.signingKey().await().atMost(WAIT);
        RSAKey publicKey = (RSAKey)
                JWKSet.parse(given().get("/.well-known/jwks.json").asString()).getKeyByKeyId(key.keyId());
        SignedJWT forged = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .keyID(key.keyId())
                        .type(new JOSEObjectType("at+jwt"))
                        .build(),
                claims(client, "keygate", Instant.now().plusSeconds(300)));
        forged.sign(new MACSigner(publicKey.toRSAPublicKey().getEncoded()));

        introspect(client, forged.serialize()).then().body("active", equalTo(false));
    }

    @Test
    void anotherTenantsTokenAndGarbageAreInactive() {
        Map<String, String> client = register(tenant);
        String otherTenantsToken =
                token(register("o-" + UUID.randomUUID().toString().substring(0, 8)));

        introspect(client, otherTenantsToken).then().body("active", equalTo(false));
        introspect(client, "not.a.jwt").then().body("active", equalTo(false));
    }

    @Test
    void aRevokedTokenIsInactiveAndItsJtiIsPublishedOnceWithItsExpiry() throws Exception {
        Map<String, String> client = register(tenant);
        String token = token(client);
        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();

        revoke(client, token).then().statusCode(200).header("Cache-Control", "no-store");
        revoke(client, token).then().statusCode(200);

        introspect(client, token).then().body("active", equalTo(false));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(published(claims.getJWTID()))
                        .singleElement()
                        .isInstanceOfSatisfying(AccessTokenRevoked.class, e -> {
                            assertThat(e.expiresAt())
                                    .isEqualTo(claims.getExpirationTime().toInstant());
                            assertThat(e.clientId()).isEqualTo(client.get("id"));
                        }));
    }

    @Test
    void revokingAnUnknownTokenAnswers200() {
        Map<String, String> client = register(tenant);

        revoke(client, "not.a.jwt").then().statusCode(200);
    }

    @Test
    void aClientCannotRevokeAnotherClientsToken() {
        Map<String, String> client = register(tenant);
        String othersToken = token(register(tenant));

        revoke(client, othersToken).then().statusCode(400).body("error", equalTo("invalid_request"));
        introspect(client, othersToken).then().body("active", equalTo(true));
    }

    @Test
    void anUnauthenticatedCallerIsAnInvalidClient() {
        given().formParam("token", "x")
                .post("/oauth2/revoke")
                .then()
                .statusCode(401)
                .body("error", equalTo("invalid_client"));
        given().formParam("token", "x")
                .post("/oauth2/introspect")
                .then()
                .statusCode(401)
                .body("error", equalTo("invalid_client"));
    }

    private JWTClaimsSet claims(Map<String, String> client, String audience, Instant expiresAt) {
        return new JWTClaimsSet.Builder()
                .issuer("http://localhost:8081")
                .subject(client.get("id"))
                .audience(audience)
                .issueTime(Date.from(expiresAt.minusSeconds(900)))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .claim("client_id", client.get("id"))
                .claim("scope", "orders:read")
                .claim("tenant", tenant)
                .claim("application", "billing")
                .build();
    }

    private String signedWithOurKey(JWTClaimsSet claims) throws Exception {
        ActiveSigningKey key = signingKeys.signingKey().await().atMost(WAIT);
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(key.keyId())
                        .type(new JOSEObjectType("at+jwt"))
                        .build(),
                claims);
        jwt.sign(new RSASSASigner(key.privateKey()));
        return jwt.serialize();
    }

    private static io.restassured.response.Response revoke(Map<String, String> caller, String token) {
        return given().auth()
                .preemptive()
                .basic(caller.get("id"), caller.get("secret"))
                .formParam("token", token)
                .post("/oauth2/revoke");
    }

    private List<KeygateEvent> published(String jti) {
        return PublishedTokenEvents.dataOf(jti);
    }

    private static io.restassured.response.Response introspect(Map<String, String> caller, String token) {
        return given().auth()
                .preemptive()
                .basic(caller.get("id"), caller.get("secret"))
                .formParam("token", token)
                .post("/oauth2/introspect");
    }

    private static String token(Map<String, String> client) {
        return given().formParam("grant_type", "client_credentials")
                .formParam("client_id", client.get("id"))
                .formParam("client_secret", client.get("secret"))
                .post("/oauth2/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    private static Map<String, String> register(String tenantId) {
        var created = given().contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "c",
                        "applicationId",
                        TestApplications.createIn(tenantId),
                        "scopes",
                        List.of("orders:read")))
                .post("/tenants/{t}/oauth-clients", tenantId)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        return Map.of(
                "id",
                created.getString("clientId"),
                "secret",
                created.getString("clientSecret"),
                "application",
                created.getString("applicationId"));
    }
}
