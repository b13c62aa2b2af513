package io.keygate.token.apikey.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.keygate.events.KeygateEvent;
import io.keygate.events.token.ApiKeyExpired;
import io.keygate.events.token.ApiKeyRotationCompleted;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.keygate.token.apikey.store.ApiKeyProjection;
import io.keygate.token.config.TokenServiceConfig;
import io.keygate.token.testdata.PublishedTokenEvents;
import io.keygate.token.testdata.StoredEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class ApiKeyExpiryQuarkusTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    ApiKeyService service;

    @Inject
    ApiKeyProjection projection;

    @Inject
    TokenServiceConfig config;

    @Inject
    Vertx vertx;

    @Inject
    Pool pool;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void twoReplicasAndARestartExpireADueKeyExactlyOnce() {
        Instant expiresAt = Instant.now().plusSeconds(2);
        String keyId = given().contentType(ContentType.JSON)
                .body(Map.of("name", "k", "expiresAt", expiresAt.toString()))
                .post("/tenants/{t}/api-keys", tenant)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        await().atMost(WAIT).until(() -> Instant.now().isAfter(expiresAt));

        runTwoReplicasAtOnce();
        newReplica().runOnce().await().atMost(WAIT); // a restarted process: no memory of the passes before

        assertThat(storedEventTypes(keyId))
                .containsExactly("io.keygate.apikey.issued.v1", "io.keygate.apikey.expired.v1");
        given().get("/tenants/{t}/api-keys/{k}", tenant, keyId)
                .then()
                .statusCode(200)
                .body("status", equalTo("EXPIRED"));
        await().atMost(WAIT)
                .untilAsserted(
                        () -> assertThat(published(keyId)).hasSize(2).last().isInstanceOf(ApiKeyExpired.class));
        await().during(Duration.ofSeconds(2))
                .atMost(WAIT)
                .until(() -> published(keyId).size() == 2);
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "x"))
                .patch("/tenants/{t}/api-keys/{k}", tenant, keyId)
                .then()
                .statusCode(409);
    }

    @Test
    void gracePeriodEndsWithOneRotationCompletedEvent() {
        String keyId = given().contentType(ContentType.JSON)
                .body(Map.of("name", "k"))
                .post("/tenants/{t}/api-keys", tenant)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String validUntil = given().contentType(ContentType.JSON)
                .body(Map.of("gracePeriod", "PT1S"))
                .post("/tenants/{t}/api-keys/{k}/rotate", tenant, keyId)
                .then()
                .statusCode(200)
                .extract()
                .path("previousKeyValidUntil");
        await().atMost(WAIT).until(() -> Instant.now().isAfter(Instant.parse(validUntil)));

        runTwoReplicasAtOnce();
        newReplica().runOnce().await().atMost(WAIT);

        assertThat(storedEventTypes(keyId))
                .containsExactly(
                        "io.keygate.apikey.issued.v1",
                        "io.keygate.apikey.rotated.v1",
                        "io.keygate.apikey.rotation-completed.v1");
        given().get("/tenants/{t}/api-keys/{k}", tenant, keyId)
                .then()
                .statusCode(200)
                .body("previousKeyValidUntil", nullValue())
                .body("status", equalTo("ACTIVE"));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(published(keyId))
                        .hasSize(3)
                        .last()
                        .isInstanceOfSatisfying(
                                ApiKeyRotationCompleted.class,
                                completed -> assertThat(completed.key().previousKeyHash())
                                        .isNull()));
    }

    @Test
    void keyNotYetDueIsLeftAlone() {
        String keyId = given().contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "k",
                        "expiresAt",
                        Instant.now().plusSeconds(3600).toString()))
                .post("/tenants/{t}/api-keys", tenant)
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        runTwoReplicasAtOnce();

        assertThat(storedEventTypes(keyId)).containsExactly("io.keygate.apikey.issued.v1");
    }

    /** Two passes at the same time, as two replicas' timers would run them. */
    private void runTwoReplicasAtOnce() {
        Uni.combine()
                .all()
                .unis(newReplica().runOnce(), newReplica().runOnce())
                .asTuple()
                .await()
                .atMost(WAIT);
    }

    private ApiKeyExpiryScheduler newReplica() {
        return new ApiKeyExpiryScheduler(service, projection, config, vertx);
    }

    private List<String> storedEventTypes(String keyId) {
        return StoredEvents.typesOf(pool, keyId);
    }

    private List<KeygateEvent> published(String keyId) {
        return PublishedTokenEvents.dataOf(keyId);
    }
}
