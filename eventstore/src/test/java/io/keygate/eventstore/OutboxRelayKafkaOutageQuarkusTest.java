package io.keygate.eventstore;

import static io.keygate.eventstore.EventStoreQuarkusTest.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.kafka.CloudEventDeserializer;
import io.keygate.events.EventCodec;
import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.keygate.events.Topic;
import io.keygate.events.token.ApiKeyIssued;
import io.keygate.events.token.ApiKeyRevoked;
import io.keygate.events.token.ApiKeyStatus;
import io.keygate.testkit.KafkaBroker;
import io.keygate.testkit.PostgresResource;
import io.keygate.testkit.RestartableKafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The broker goes away with events in flight: the relay keeps them in the outbox (nothing lost, nothing skipped) and
 * publishes them, in order, once Kafka acknowledges again.
 */
@QuarkusTest
@QuarkusTestResource(value = RestartableKafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class OutboxRelayKafkaOutageQuarkusTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration RECOVERED = Duration.ofSeconds(120);

    private final EventCodec codec = new EventCodec();

    @Inject
    EventStore store;

    @Inject
    Pool pool;

    @Test
    void eventsAppendedWhileKafkaIsAwayWaitInTheOutboxAndArePublishedInOrderWhenItIsBack() {
        KafkaBroker broker = RestartableKafkaBrokerResource.broker();
        String first = "key_" + UUID.randomUUID();
        EventEnvelope<KeygateEvent> issuedFirst = envelope(1, new ApiKeyIssued(state(first, ApiKeyStatus.ACTIVE)));
        append(0, issuedFirst);
        await().atMost(WAIT).until(() -> publishedIds(broker, first).size() == 1);
        await().atMost(WAIT).until(() -> outboxSize() == 0); // the relay's pass has ended

        broker.stop();
        List<UUID> duringOutage = new ArrayList<>();
        EventEnvelope<KeygateEvent> revoked =
                envelope(2, new ApiKeyRevoked(state(first, ApiKeyStatus.REVOKED), "test"));
        append(1, revoked);
        duringOutage.add(revoked.id());
        for (int i = 0; i < 5; i++) {
            String key = "key_" + UUID.randomUUID();
            EventEnvelope<KeygateEvent> issued = envelope(1, new ApiKeyIssued(state(key, ApiKeyStatus.ACTIVE)));
            append(0, issued);
            duringOutage.add(issued.id());
        }
        await().during(Duration.ofSeconds(3)).atMost(WAIT).until(() -> outboxSize() == 6);

        broker.restart();
        await().atMost(RECOVERED).until(() -> outboxSize() == 0);

        List<UUID> published = publishedIds(broker);
        // At least once: a batch whose acknowledgement was lost in the outage may go out again; consumers drop
        // repeats by event id. Kafka keeps order per key (partition), and so did the relay.
        assertThat(published.stream().distinct().toList())
                .as("events published")
                .contains(issuedFirst.id())
                .contains(duringOutage.toArray(UUID[]::new));
        assertThat(publishedIds(broker, first).stream().distinct().toList())
                .as("the first key's events, in order")
                .containsExactly(issuedFirst.id(), revoked.id());
    }

    /**
     * Outbox sequence numbers are taken before commit, so a transaction can commit after another that took a higher
     * one. Here the lower one commits while the relay waits for Kafka to acknowledge the higher: the relay must not
     * drop it with the rows it published, but publish it next.
     */
    @Test
    void anEventCommittedWhileTheRelayPublishesALaterOneIsPublishedToo() throws Exception {
        KafkaBroker broker = RestartableKafkaBrokerResource.broker();
        String early = "key_" + UUID.randomUUID();
        String late = "key_" + UUID.randomUUID();
        EventEnvelope<KeygateEvent> earlyEvent = envelope(1, new ApiKeyIssued(state(early, ApiKeyStatus.ACTIVE)));
        EventEnvelope<KeygateEvent> lateEvent = envelope(1, new ApiKeyIssued(state(late, ApiKeyStatus.ACTIVE)));
        // The relay's producer knows the topic's partitions first, so that without a broker its send waits for one.
        String before = "key_" + UUID.randomUUID();
        append(0, envelope(1, new ApiKeyIssued(state(before, ApiKeyStatus.ACTIVE))));
        await().atMost(WAIT).until(() -> outboxSize() == 0);

        broker.stop();
        CompletableFuture<Void> appendedEarly = new CompletableFuture<>();
        CompletableFuture<Void> commitEarly = new CompletableFuture<>();
        CompletableFuture<Void> earlyCommitted = store.inTransaction(
                        tx -> store.append(tx, "api-key", 0, List.of(earlyEvent))
                                .invoke(() -> appendedEarly.complete(null))
                                .chain(() -> Uni.createFrom().completionStage(commitEarly)))
                .subscribeAsCompletionStage()
                .toCompletableFuture();
        appendedEarly.get(30, TimeUnit.SECONDS); // its outbox row has its sequence number, uncommitted
        append(0, lateEvent); // commits first, with the higher sequence number; wakes the relay
        Thread.sleep(1000); // the relay has read the late row and waits for Kafka
        commitEarly.complete(null);
        earlyCommitted.get(30, TimeUnit.SECONDS);

        broker.restart();
        await().atMost(RECOVERED).until(() -> outboxSize() == 0);
        assertThat(publishedIds(broker)).contains(earlyEvent.id(), lateEvent.id());
    }

    private void append(long expectedVersion, EventEnvelope<KeygateEvent> event) {
        store.inTransaction(tx -> store.append(tx, "api-key", expectedVersion, List.of(event)))
                .await()
                .atMost(WAIT);
    }

    private List<UUID> publishedIds(KafkaBroker broker) {
        return publishedIds(broker, null);
    }

    /** Ids of the events on the topic, of one key ({@code null}: all), in each partition's order. */
    private List<UUID> publishedIds(KafkaBroker broker, String key) {
        return broker.readAll(Topic.TOKENS.topicName(), new StringDeserializer(), new CloudEventDeserializer()).stream()
                .filter(record -> key == null || key.equals(record.key()))
                .map(record -> codec.fromCloudEvent(record.value()).id())
                .toList();
    }

    private long outboxSize() {
        return OutboxRows.count(pool);
    }

    private static EventEnvelope<KeygateEvent> envelope(long sequence, KeygateEvent event) {
        return EventEnvelope.create(
                "/eventstore-test", sequence, Instant.now().truncatedTo(ChronoUnit.MICROS), "corr", null, event);
    }
}
