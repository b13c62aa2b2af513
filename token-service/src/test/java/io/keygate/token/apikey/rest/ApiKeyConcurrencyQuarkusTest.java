package io.keygate.token.apikey.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.keygate.token.testdata.StoredEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Two conflicting commands on one key at the same time: one wins, the other gets 409 and changes nothing.
 * The test makes the race certain instead of likely: it holds a lock on the read model, so both requests
 * load the same version and both try to append before either can commit.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class ApiKeyConcurrencyQuarkusTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void ofTwoConcurrentUpdatesOneWinsAndTheOtherGets409() {
        String keyId = given().contentType(ContentType.JSON)
                .body(Map.of("name", "original"))
                .post("/tenants/{t}/api-keys", tenant)
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        List<Response> responses = raceWhileReadModelIsLocked(
                () -> patch(keyId, Map.of("name", "first")), () -> patch(keyId, Map.of("name", "second")));

        assertThat(responses).extracting(Response::statusCode).containsExactlyInAnyOrder(200, 409);
        Response winner = responses.stream()
                .filter(r -> r.statusCode() == 200)
                .findFirst()
                .orElseThrow();
        Response loser = responses.stream()
                .filter(r -> r.statusCode() == 409)
                .findFirst()
                .orElseThrow();
        assertThat(loser.contentType()).startsWith("application/problem+json");
        assertThat(loser.jsonPath().getString("title")).isEqualTo("Concurrent modification");
        String current = given().get("/tenants/{t}/api-keys/{k}", tenant, keyId)
                .then()
                .statusCode(200)
                .extract()
                .path("name");
        assertThat(current).isEqualTo(winner.jsonPath().getString("name"));
        assertThat(eventTypes(keyId)).containsExactly("io.keygate.apikey.issued.v1", "io.keygate.apikey.updated.v1");
    }

    @Test
    void aRevokeRacingARotationLeavesExactlyOneOfThem() {
        String keyId = given().contentType(ContentType.JSON)
                .body(Map.of("name", "k"))
                .post("/tenants/{t}/api-keys", tenant)
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        List<Response> responses = raceWhileReadModelIsLocked(
                () -> given().contentType(ContentType.JSON)
                        .body(Map.of("reason", "leaked"))
                        .post("/tenants/{t}/api-keys/{k}/revoke", tenant, keyId),
                () -> given().contentType(ContentType.JSON)
                        .body(Map.of("gracePeriod", "PT1H"))
                        .post("/tenants/{t}/api-keys/{k}/rotate", tenant, keyId));

        assertThat(responses).extracting(Response::statusCode).containsExactlyInAnyOrder(200, 409);
        assertThat(eventTypes(keyId)).hasSize(2).first().isEqualTo("io.keygate.apikey.issued.v1");
    }

    private List<Response> raceWhileReadModelIsLocked(
            java.util.function.Supplier<Response> one, java.util.function.Supplier<Response> other) {
        SqlConnection connection = pool.getConnection().await().atMost(WAIT);
        try {
            Transaction lock = connection.begin().await().atMost(WAIT);
            connection
                    .query("LOCK TABLE api_key IN EXCLUSIVE MODE")
                    .execute()
                    .await()
                    .atMost(WAIT);
            CompletableFuture<Response> first = CompletableFuture.supplyAsync(one);
            CompletableFuture<Response> second = CompletableFuture.supplyAsync(other);
            // One waits for our lock on api_key, the other for the first one's uncommitted event row.
            await().atMost(WAIT).until(() -> waitingOnLocks() >= 2);
            lock.rollback().await().atMost(WAIT);
            return List.of(first.join(), second.join());
        } finally {
            connection.close().await().atMost(WAIT);
        }
    }

    private long waitingOnLocks() {
        return pool.query("SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                        + "AND datname = current_database()")
                .execute()
                .await()
                .atMost(WAIT)
                .iterator()
                .next()
                .getLong("n");
    }

    private List<String> eventTypes(String keyId) {
        return StoredEvents.typesOf(pool, keyId);
    }

    private Response patch(String keyId, Map<String, Object> body) {
        return given().contentType("application/merge-patch+json")
                .body(body)
                .patch("/tenants/{t}/api-keys/{k}", tenant, keyId);
    }
}
