package io.keygate.token.apikey.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.keygate.events.KeygateEvent;
import io.keygate.events.credential.ApiKeyFormat;
import io.keygate.events.credential.ApiKeyHasher;
import io.keygate.events.token.ApiKeyRotated;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.keygate.token.testdata.PublishedTokenEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class ApiKeyRotationQuarkusTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @ConfigProperty(name = "keygate.api-key.pepper")
    String pepper;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void rotationShowsTheNewSecretOnceAndPublishesBothHashes() {
        JsonPath created = create();
        String oldSecret = created.getString("key");
        String keyId = created.getString("id");
        Instant before = Instant.now();

        JsonPath rotated = given().contentType(ContentType.JSON)
                .body(Map.of("gracePeriod", "PT2H"))
                .post("/tenants/{t}/api-keys/{k}/rotate", tenant, keyId)
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("id", equalTo(keyId))
                .body("status", equalTo("ACTIVE"))
                .extract()
                .jsonPath();
        String newSecret = rotated.getString("key");
        assertThat(ApiKeyFormat.isWellFormed(newSecret)).isTrue();
        assertThat(newSecret).isNotEqualTo(oldSecret);
        assertThat(rotated.getString("maskedKey")).isEqualTo(ApiKeyFormat.mask(newSecret));
        assertThat(Instant.parse(rotated.getString("previousKeyValidUntil")))
                .isBetween(before.plus(Duration.ofHours(2)), Instant.now().plus(Duration.ofHours(2)));

        given().get("/tenants/{t}/api-keys/{k}", tenant, keyId)
                .then()
                .statusCode(200)
                .body("$", not(hasKey("key")))
                .body("maskedKey", equalTo(ApiKeyFormat.mask(newSecret)));

        ApiKeyHasher hasher = new ApiKeyHasher(pepper);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(published(keyId))
                        .hasSize(2)
                        .last()
                        .isInstanceOfSatisfying(ApiKeyRotated.class, event -> {
                            assertThat(event.key().keyHash()).isEqualTo(hasher.hash(newSecret));
                            assertThat(event.key().previousKeyHash()).isEqualTo(hasher.hash(oldSecret));
                            assertThat(event.key().previousKeyValidUntil())
                                    .isEqualTo(Instant.parse(rotated.getString("previousKeyValidUntil")));
                        }));
    }

    @Test
    void defaultGraceIsTwentyFourHoursAndZeroKeepsNoPreviousSecret() {
        String keyId = create().getString("id");
        Instant before = Instant.now();

        String validUntil = given().contentType(ContentType.JSON)
                .body("{}")
                .post("/tenants/{t}/api-keys/{k}/rotate", tenant, keyId)
                .then()
                .statusCode(200)
                .extract()
                .path("previousKeyValidUntil");
        assertThat(Instant.parse(validUntil))
                .isAfterOrEqualTo(before.plus(Duration.ofHours(24)).minusSeconds(1));

        given().contentType(ContentType.JSON)
                .body(Map.of("gracePeriod", "PT0S"))
                .post("/tenants/{t}/api-keys/{k}/rotate", tenant, keyId)
                .then()
                .statusCode(200)
                .body("previousKeyValidUntil", nullValue());
    }

    @Test
    void badGracePeriodsAreProblemsNamingTheField() {
        String keyId = create().getString("id");
        for (String grace : List.of("P31D", "-PT1H", "tomorrow", "PT")) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("gracePeriod", grace))
                    .post("/tenants/{t}/api-keys/{k}/rotate", tenant, keyId)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("gracePeriod"));
        }
        given().contentType(ContentType.JSON)
                .body(Map.of("grace", "PT1H"))
                .post("/tenants/{t}/api-keys/{k}/rotate", tenant, keyId)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("grace"));
    }

    @Test
    void revokedKeyCannotBeRotatedAndOtherTenantsKeyIsNotFound() {
        String keyId = create().getString("id");
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/tenants/{t}/api-keys/{k}/rotate", "someone-else", keyId)
                .then()
                .statusCode(404);
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/tenants/{t}/api-keys/{k}/revoke", tenant, keyId)
                .then()
                .statusCode(200);

        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/tenants/{t}/api-keys/{k}/rotate", tenant, keyId)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    private JsonPath create() {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", "k"))
                .post("/tenants/{t}/api-keys", tenant)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    private List<KeygateEvent> published(String keyId) {
        return PublishedTokenEvents.dataOf(keyId);
    }
}
