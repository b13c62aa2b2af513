package io.keygate.token.apikey.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.keygate.token.testdata.TestApiKeys;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Expiry and grace-end events come at their time, not at the next periodic pass: with passes 8 s apart, a key
 * expiring between two passes is expired by a pass the one before it planned, and a grace period this instance
 * started ends by a pass the rotation planned.
 */
@QuarkusTest
@TestProfile(ApiKeyExpiryOnTimeQuarkusTest.PassesEightSecondsApart.class)
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class ApiKeyExpiryOnTimeQuarkusTest {

    /** Far less than the 8 s between passes: what "at its time" means here (a loaded CI machine included). */
    private static final Duration ON_TIME = Duration.ofMillis(1500);

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);

    public static class PassesEightSecondsApart implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("keygate.api-key.expiry-check-interval", "8s");
        }
    }

    @Test
    void aKeyExpiringBetweenTwoPassesIsExpiredAtItsExpiry() {
        // Beyond the next pass when issued, so only a pass can see it coming.
        Instant expiresAt = Instant.now().plusSeconds(9);
        String keyId = issue(Map.of("name", "k", "expiresAt", expiresAt.toString()));

        Instant expiredAt = awaitEvent(keyId, "io.keygate.apikey.expired.v1");

        assertThat(expiredAt).isBetween(expiresAt, expiresAt.plus(ON_TIME));
    }

    @Test
    void aGracePeriodEndingBeforeTheNextPassEndsOnTime() {
        String keyId = issue(Map.of("name", "k"));
        Instant validUntil = Instant.parse(given().contentType(ContentType.JSON)
                .body(Map.of("gracePeriod", "PT3S"))
                .post("/tenants/{t}/api-keys/{k}/rotate", tenant, keyId)
                .then()
                .statusCode(200)
                .extract()
                .path("previousKeyValidUntil"));

        Instant completedAt = awaitEvent(keyId, "io.keygate.apikey.rotation-completed.v1");

        assertThat(completedAt).isBetween(validUntil, validUntil.plus(ON_TIME));
    }

    private String issue(Map<String, Object> body) {
        return TestApiKeys.issueId(tenant, body);
    }

    /** When the event of this type was stored for the key (its occurred-at). */
    private Instant awaitEvent(String keyId, String type) {
        await().atMost(WAIT).until(() -> occurredAt(keyId, type) != null);
        return occurredAt(keyId, type);
    }

    private Instant occurredAt(String keyId, String type) {
        for (Row row : pool.preparedQuery(
                        "SELECT occurred_at FROM event_store WHERE aggregate_id = $1 AND event_type = $2")
                .execute(Tuple.of(keyId, type))
                .await()
                .atMost(WAIT)) {
            return row.getOffsetDateTime("occurred_at").toInstant();
        }
        return null;
    }
}
