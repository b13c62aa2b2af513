package io.keygate.token.oauth.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.keygate.events.EventCodec;
import io.keygate.events.KeygateEvent;
import io.keygate.events.Topic;
import io.keygate.events.signing.SigningKeyPublished;
import io.keygate.events.signing.SigningKeyRetired;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.keygate.testkit.Testkit;
import io.keygate.token.oauth.service.SigningKeyService;
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
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class TokenEndpointQuarkusTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    SigningKeyService signingKeys;

    private final EventCodec codec = new EventCodec();
    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void basicAuthenticatedClientGetsAnRfc9068TokenThatVerifiesAgainstTheJwks() throws Exception {
        Map<String, String> client = register(List.of("orders:read", "orders:write"));

        String token = given().auth()
                .preemptive()
                .basic(client.get("id"), client.get("secret"))
                .formParam("grant_type", "client_credentials")
                .formParam("scope", "orders:read")
                .post("/oauth2/token")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(900))
                .body("scope", equalTo("orders:read"))
                .body("$", not(org.hamcrest.Matchers.hasKey("refresh_token")))
                .extract()
                .path("access_token");

        SignedJWT jwt = verified(token);
        assertThat(jwt.getHeader().getType()).isEqualTo(new JOSEObjectType("at+jwt"));
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("http://localhost:8081");
        assertThat(claims.getSubject()).isEqualTo(client.get("id"));
        assertThat(claims.getAudience()).containsExactly("keygate");
        assertThat(claims.getStringClaim("client_id")).isEqualTo(client.get("id"));
        assertThat(claims.getStringClaim("scope")).isEqualTo("orders:read");
        assertThat(claims.getStringClaim("tenant")).isEqualTo(tenant);
        assertThat(claims.getStringClaim("application")).isEqualTo(client.get("application"));
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime())
                .isEqualTo(900_000);
        assertThat(claims.getExpirationTime()).isAfter(new Date());
    }

    @Test
    void theSigningKeyIsOnKafkaBeforeTheFirstTokenItSigns() throws Exception {
        Map<String, String> client = register(List.of("orders:read"));

        String token = postedToken(client).then().statusCode(200).extract().path("access_token");

        // No waiting: the key signs only after Kafka acknowledged its published event.
        String kid = SignedJWT.parse(token).getHeader().getKeyID();
        var records = Testkit.kafka()
                .readAll(Topic.SIGNING_KEYS.topicName(), new StringDeserializer(), new CloudEventDeserializer());
        assertThat(records)
                .filteredOn(r -> kid.equals(r.key()))
                .anySatisfy(r ->
                        assertThat(codec.fromCloudEvent(r.value()).data()).isInstanceOf(SigningKeyPublished.class));
    }

    @Test
    void postedClientCredentialsWithoutScopeGetAllTheClientsScopes() {
        Map<String, String> client = register(List.of("a:read", "b:read"));

        postedToken(client).then().statusCode(200).body("scope", equalTo("a:read b:read"));
    }

    @Test
    void aWrongSecretOrUnknownOrRevokedClientIsAnInvalidClientWith401() {
        Map<String, String> client = register(List.of("orders:read"));

        given().auth()
                .preemptive()
                .basic(client.get("id"), client.get("secret") + "x")
                .formParam("grant_type", "client_credentials")
                .post("/oauth2/token")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", startsWith("Basic"))
                .header("Cache-Control", "no-store")
                .body("error", equalTo("invalid_client"));
        given().formParam("grant_type", "client_credentials")
                .formParam("client_id", "kgc_" + "0".repeat(32))
                .formParam("client_secret", "nope")
                .post("/oauth2/token")
                .then()
                .statusCode(401)
                .body("error", equalTo("invalid_client"));

        given().post("/tenants/{t}/oauth-clients/{c}/revoke", tenant, client.get("id"))
                .then()
                .statusCode(200);
        postedToken(client).then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void aScopeBeyondTheClientsIsAnInvalidScopeAndOtherGrantsAreUnsupported() {
        Map<String, String> client = register(List.of("orders:read"));

        given().auth()
                .preemptive()
                .basic(client.get("id"), client.get("secret"))
                .formParam("grant_type", "client_credentials")
                .formParam("scope", "orders:read admin")
                .post("/oauth2/token")
                .then()
                .statusCode(400)
                .body("error", equalTo("invalid_scope"));
        given().auth()
                .preemptive()
                .basic(client.get("id"), client.get("secret"))
                .formParam("grant_type", "password")
                .post("/oauth2/token")
                .then()
                .statusCode(400)
                .body("error", equalTo("unsupported_grant_type"));
        given().auth()
                .preemptive()
                .basic(client.get("id"), client.get("secret"))
                .post("/oauth2/token")
                .then()
                .statusCode(400)
                .body("error", equalTo("invalid_request"));
    }

    @Test
    void metadataDescribesTheTokenEndpointAndJwks() {
        given().get("/.well-known/oauth-authorization-server")
                .then()
                .statusCode(200)
                .body("issuer", equalTo("http://localhost:8081"))
                .body("token_endpoint", equalTo("http://localhost:8081/oauth2/token"))
                .body("jwks_uri", equalTo("http://localhost:8081/.well-known/jwks.json"))
                .body("grant_types_supported", hasItem("client_credentials"))
                .body("token_endpoint_auth_methods_supported", hasItem("client_secret_basic"));
        given().get("/.well-known/jwks.json")
                .then()
                .statusCode(200)
                .body(not(containsString("\"d\"")))
                .body("keys[0].kty", equalTo("RSA"));
    }

    @Test
    void rotationPublishesTheNewKeyFirstAndRetiresTheOldOneOnlyAfterItsTokensExpire() throws Exception {
        Map<String, String> client = register(List.of("orders:read"));
        String oldToken = postedToken(client).then().statusCode(200).extract().path("access_token");
        String oldKid = SignedJWT.parse(oldToken).getHeader().getKeyID();

        String newKid = given().post("/oauth2/signing-keys/rotate")
                .then()
                .statusCode(200)
                .extract()
                .path("keyId");
        Instant rotatedAt = Instant.now();
        String newToken = postedToken(client).then().statusCode(200).extract().path("access_token");

        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(SignedJWT.parse(newToken).getHeader().getKeyID()).isEqualTo(newKid);
        assertThat(jwks().getKeyByKeyId(oldKid)).isNotNull();
        verified(oldToken);
        verified(newToken);

        assertThat(signingKeys
                        .retireExpired(rotatedAt.plus(Duration.ofMinutes(15)))
                        .await()
                        .atMost(WAIT))
                .doesNotContain(oldKid, newKid);
        assertThat(signingKeys
                        .retireExpired(rotatedAt.plus(Duration.ofMinutes(17)))
                        .await()
                        .atMost(WAIT))
                .contains(oldKid)
                .doesNotContain(newKid);
        assertThat(jwks().getKeyByKeyId(oldKid)).isNull();
        assertThat(jwks().getKeyByKeyId(newKid)).isNotNull();
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(signingKeyEvents(oldKid)).last().isInstanceOf(SigningKeyRetired.class));
    }

    private io.restassured.response.Response postedToken(Map<String, String> client) {
        return given().formParam("grant_type", "client_credentials")
                .formParam("client_id", client.get("id"))
                .formParam("client_secret", client.get("secret"))
                .post("/oauth2/token");
    }

    private Map<String, String> register(List<String> scopes) {
        var created = given().contentType(ContentType.JSON)
                .body(Map.of("name", "c", "applicationId", TestApplications.createIn(tenant), "scopes", scopes))
                .post("/tenants/{t}/oauth-clients", tenant)
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

    private static JWKSet jwks() throws Exception {
        return JWKSet.parse(given().get("/.well-known/jwks.json")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    /** Verifies with nimbus-jose-jwt, independently of the signing library, against the served JWKS. */
    private static SignedJWT verified(String token) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        RSAKey key = (RSAKey) jwks().getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).as("kid %s in the JWKS", jwt.getHeader().getKeyID()).isNotNull();
        assertThat(key.isPrivate()).isFalse();
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        return jwt;
    }

    private List<KeygateEvent> signingKeyEvents(String kid) {
        return Testkit.kafka()
                .readAll(Topic.SIGNING_KEYS.topicName(), new StringDeserializer(), new CloudEventDeserializer())
                .stream()
                .filter(r -> kid.equals(r.key()))
                .map(r -> codec.fromCloudEvent(r.value()).data())
                .toList();
    }
}
