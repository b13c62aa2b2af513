package io.keygate.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.keygate.events.EventEnvelope;
import io.keygate.events.token.ApiKeyIssued;
import io.keygate.events.token.ApiKeyStatus;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The relay's pace ({@code relay.min-pass-interval}, 3 s here, and no poll within a test): a commit soon after a pass
 * waits for the interval to end, a commit after a quiet spell is published at once.
 */
@QuarkusTest
@TestProfile(RelayPaceQuarkusTest.SlowPace.class)
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class RelayPaceQuarkusTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration INTERVAL = Duration.ofSeconds(3);

    @Inject
    EventStore store;

    public static class SlowPace implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "keygate.eventstore.relay.poll-interval",
                    "1h",
                    "keygate.eventstore.relay.min-pass-interval",
                    INTERVAL.toMillis() + "ms");
        }
    }

    @Test
    void aCommitSoonAfterAPassWaitsForTheIntervalAndOneAfterAQuietSpellIsPublishedAtOnce() throws Exception {
        // Times are the records' own (the relay's producer stamps each record as it sends it), not when a poll saw
        // them.
        // Whatever passed last (the start's pass, or the first commit's after a wait), the second commit follows a
        // pass.
        long firstSent = commitAndAwaitPublication();

        long secondSent = commitAndAwaitPublication();
        assertThat(Duration.ofMillis(secondSent - firstSent))
                .as("a commit right after a pass waits for the interval")
                .isGreaterThanOrEqualTo(INTERVAL.minusMillis(100));

        Thread.sleep(INTERVAL.plusMillis(500).toMillis());
        long committed = System.currentTimeMillis();
        long thirdSent = commitAndAwaitPublication();
        assertThat(Duration.ofMillis(thirdSent - committed))
                .as("a commit after a quiet spell is published at once")
                .isLessThan(INTERVAL.dividedBy(2));
    }

    /** Commits an event by command (which wakes the local relay); returns the time its record was sent to Kafka. */
    private long commitAndAwaitPublication() {
        String keyId = "key_" + UUID.randomUUID();
        EventEnvelope<ApiKeyIssued> issued = EventEnvelope.create(
                "/eventstore-test",
                1,
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                "corr",
                null,
                new ApiKeyIssued(EventStoreQuarkusTest.state(keyId, ApiKeyStatus.ACTIVE)));
        store.appendAndProject(
                        "api-key",
                        0,
                        List.of(issued),
                        tx -> tx.query("SELECT 1").execute())
                .await()
                .atMost(WAIT);
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> EventStoreQuarkusTest.publishedFor(keyId).size() == 1);
        return EventStoreQuarkusTest.publishedFor(keyId).get(0).timestamp();
    }
}
