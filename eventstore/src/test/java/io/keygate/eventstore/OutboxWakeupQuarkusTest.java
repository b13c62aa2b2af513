package io.keygate.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.keygate.events.token.ApiKeyIssued;
import io.keygate.events.token.ApiKeyStatus;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The relay is woken without its poll: by the command that filled the outbox in this process, by NOTIFY from any
 * other append, and, when another replica's relay held the lock, by its own retry. The poll is an hour here, so only
 * a wake can publish within the test.
 */
@QuarkusTest
@TestProfile(OutboxWakeupQuarkusTest.HourlyPoll.class)
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class OutboxWakeupQuarkusTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    EventStore store;

    @Inject
    Pool pool;

    /** The relay polls once an hour: anything published within a test was woken. */
    public static class HourlyPoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("keygate.eventstore.relay.poll-interval", "1h");
        }
    }

    @Test
    void aCommandWakesTheRelayInItsProcess() {
        String keyId = issueByCommand();

        await().atMost(WAIT)
                .untilAsserted(() ->
                        assertThat(EventStoreQuarkusTest.publishedFor(keyId)).hasSize(1));
    }

    @Test
    void anAppendInTheCallersTransactionWakesTheRelayByNotify() {
        String keyId = "key_" + UUID.randomUUID();

        store.inTransaction(tx -> store.append(tx, "api-key", 0, List.of(issued(keyId))))
                .await()
                .atMost(WAIT);

        await().atMost(WAIT)
                .untilAsserted(() ->
                        assertThat(EventStoreQuarkusTest.publishedFor(keyId)).hasSize(1));
    }

    @Test
    void aCommandCommittedWhileAnotherRelayHeldTheLockIsPublishedOnceTheLockIsFree() {
        SqlConnection otherRelay = pool.getConnection().await().atMost(WAIT);
        try {
            otherRelay
                    .preparedQuery("SELECT pg_advisory_lock($1)")
                    .execute(Tuple.of(OutboxRelay.RELAY_LOCK))
                    .await()
                    .atMost(WAIT);
            String keyId = issueByCommand();
            // The wake found the lock held; nothing is published while it is.
            await().during(Duration.ofMillis(500))
                    .atMost(WAIT)
                    .until(() -> EventStoreQuarkusTest.publishedFor(keyId).isEmpty());

            otherRelay
                    .preparedQuery("SELECT pg_advisory_unlock($1)")
                    .execute(Tuple.of(OutboxRelay.RELAY_LOCK))
                    .await()
                    .atMost(WAIT);

            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(EventStoreQuarkusTest.publishedFor(keyId))
                            .hasSize(1));
        } finally {
            otherRelay.closeAndAwait();
        }
    }

    private String issueByCommand() {
        String keyId = "key_" + UUID.randomUUID();
        store.appendAndProject(
                        "api-key",
                        0,
                        List.of(issued(keyId)),
                        tx -> tx.query("SELECT 1").execute())
                .await()
                .atMost(WAIT);
        return keyId;
    }

    private static EventEnvelope<KeygateEvent> issued(String keyId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return EventEnvelope.create(
                "/eventstore-test",
                1,
                now,
                "corr",
                null,
                new ApiKeyIssued(EventStoreQuarkusTest.state(keyId, ApiKeyStatus.ACTIVE)));
    }
}
