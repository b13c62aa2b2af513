package io.keygate.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.keygate.events.EventCodec;
import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.keygate.events.Topic;
import io.keygate.events.token.ApiKeyIssued;
import io.keygate.events.token.ApiKeyRevoked;
import io.keygate.events.token.ApiKeyState;
import io.keygate.events.token.ApiKeyStatus;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.keygate.testkit.Testkit;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class EventStoreQuarkusTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    EventStore store;

    @Inject
    Pool pool;

    private final EventCodec codec = new EventCodec();

    @Test
    void appendedEventsAreStoredInOrderAndReachKafkaKeyedByAggregate() {
        String keyId = "key_" + UUID.randomUUID();
        var issued = envelope(1, new ApiKeyIssued(state(keyId, ApiKeyStatus.ACTIVE)));
        var revoked = envelope(2, new ApiKeyRevoked(state(keyId, ApiKeyStatus.REVOKED), "test"));

        store.inTransaction(tx -> store.append(tx, "api-key", 0, List.of(issued)))
                .await()
                .atMost(WAIT);
        store.inTransaction(tx -> store.append(tx, "api-key", 1, List.of(revoked)))
                .await()
                .atMost(WAIT);

        assertThat(store.load(keyId).await().atMost(WAIT)).containsExactly(issued, revoked);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(publishedFor(keyId))
                        .extracting(
                                ConsumerRecord::key,
                                r -> codec.fromCloudEvent(r.value()).id())
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple(keyId, issued.id()),
                                org.assertj.core.groups.Tuple.tuple(keyId, revoked.id())));
        await().atMost(WAIT).until(() -> outboxSize() == 0);
    }

    @Test
    void actorAndClientAddressOfADecidedEventAreStoredAndPublishedAsExtensions() {
        String keyId = "key_" + UUID.randomUUID();
        Instant at = Instant.parse("2026-12-01T10:00:00.123456Z");
        EventMetadata metadata = new EventMetadata(at, "corr-7", null, "user:usr_1", "198.51.100.23");

        store.inTransaction(tx -> store.appendDecided(
                        tx, "api-key", 0, List.of(new ApiKeyIssued(state(keyId, ApiKeyStatus.ACTIVE))), metadata))
                .await()
                .atMost(WAIT);

        var stored = store.load(keyId).await().atMost(WAIT);
        assertThat(stored).singleElement().satisfies(envelope -> {
            assertThat(envelope.sequence()).isEqualTo(1);
            assertThat(envelope.occurredAt()).isEqualTo(at);
            assertThat(envelope.actor()).isEqualTo("user:usr_1");
            assertThat(envelope.clientIp()).isEqualTo("198.51.100.23");
        });
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(publishedFor(keyId))
                        .singleElement()
                        .satisfies(r -> {
                            assertThat(r.value().getExtension(EventCodec.EXT_ACTOR))
                                    .isEqualTo("user:usr_1");
                            assertThat(r.value().getExtension(EventCodec.EXT_CLIENT_IP))
                                    .isEqualTo("198.51.100.23");
                        }));
    }

    @Test
    void kafkaPositionOfAnEventTypeAskedForIsRecordedAsTheBrokerAcknowledgedIt() {
        String keyId = "key_" + UUID.randomUUID();
        var issued = envelope(1, new ApiKeyIssued(state(keyId, ApiKeyStatus.ACTIVE)));
        var revoked = envelope(2, new ApiKeyRevoked(state(keyId, ApiKeyStatus.REVOKED), "test"));
        store.inTransaction(tx -> store.append(tx, "api-key", 0, List.of(issued, revoked)))
                .await()
                .atMost(WAIT);

        await().atMost(WAIT).until(() -> publishedFor(keyId).size() == 2);
        ConsumerRecord<String, CloudEvent> onKafka = publishedFor(keyId).get(1);
        await().atMost(WAIT).until(() -> recordedPosition(revoked.id()) != null);

        assertThat(recordedPosition(revoked.id()))
                .isEqualTo(List.of(onKafka.topic(), (long) onKafka.partition(), onKafka.offset()));
        assertThat(recordedPosition(issued.id())).as("not a type asked for").isNull();
    }

    @Test
    void secondWriterOfTheSameVersionGetsAConflictAndWritesNothing() {
        String keyId = "key_" + UUID.randomUUID();
        store.inTransaction(tx -> store.append(
                        tx, "api-key", 0, List.of(envelope(1, new ApiKeyIssued(state(keyId, ApiKeyStatus.ACTIVE))))))
                .await()
                .atMost(WAIT);

        var first = envelope(2, new ApiKeyRevoked(state(keyId, ApiKeyStatus.REVOKED), "first"));
        var second = envelope(2, new ApiKeyRevoked(state(keyId, ApiKeyStatus.REVOKED), "second"));
        store.inTransaction(tx -> store.append(tx, "api-key", 1, List.of(first)))
                .await()
                .atMost(WAIT);

        assertThatThrownBy(() -> store.inTransaction(tx -> store.append(tx, "api-key", 1, List.of(second)))
                        .await()
                        .atMost(WAIT))
                .isInstanceOf(ConcurrencyConflictException.class);
        assertThat(store.load(keyId).await().atMost(WAIT))
                .extracting(EventEnvelope::id)
                .doesNotContain(second.id())
                .hasSize(2);
    }

    @Test
    void eventsOfARolledBackTransactionAreNeitherStoredNorPublished() {
        String keyId = "key_" + UUID.randomUUID();
        var issued = envelope(1, new ApiKeyIssued(state(keyId, ApiKeyStatus.ACTIVE)));

        assertThatThrownBy(() -> store.inTransaction(tx -> store.append(tx, "api-key", 0, List.of(issued))
                                .chain(() -> tx.query("SELECT 1/0").execute()))
                        .await()
                        .atMost(WAIT))
                .isNotNull();

        assertThat(store.load(keyId).await().atMost(WAIT)).isEmpty();
        assertThat(publishedFor(keyId)).isEmpty();
    }

    @Test
    void anEventIsPublishedWithTheExactJsonItWasStoredWith() {
        String keyId = "key_" + UUID.randomUUID();
        // As a newer release might have written it: a field this release does not know, its own spacing.
        String stored = "{\"key\": {\"keyId\": \"" + keyId + "\", \"tenantId\": \"acme\"},  \"addedLater\": [1, 2]}";
        UUID eventId = storeDirectly(keyId, "io.keygate.token.api-key.issued.v1", stored);

        await().atMost(WAIT).until(() -> publishedFor(keyId).size() == 1);
        CloudEvent published = publishedFor(keyId).get(0).value();

        assertThat(new String(published.getData().toBytes(), StandardCharsets.UTF_8))
                .isEqualTo(stored);
        assertThat(published.getId()).isEqualTo(eventId.toString());
        assertThat(published.getSubject()).isEqualTo(keyId);
        assertThat(published.getType()).isEqualTo("io.keygate.token.api-key.issued.v1");
        assertThat(published.getExtension(EventCodec.EXT_TENANT)).isEqualTo("acme");
        assertThat(published.getExtension(EventCodec.EXT_SEQUENCE)).isEqualTo("1");
        assertThat(published.getExtension(EventCodec.EXT_CORRELATION)).isEqualTo("corr-direct");
    }

    @Test
    void anEventOfATypeThisReleaseDoesNotKnowIsPublishedAndDoesNotHoldUpTheOutbox() {
        String newerId = "key_" + UUID.randomUUID();
        storeDirectly(newerId, "io.keygate.token.api-key.frozen.v1", "{\"keyId\":\"" + newerId + "\"}");
        String keyId = "key_" + UUID.randomUUID();
        store.inTransaction(tx -> store.append(
                        tx, "api-key", 0, List.of(envelope(1, new ApiKeyIssued(state(keyId, ApiKeyStatus.ACTIVE))))))
                .await()
                .atMost(WAIT);

        await().atMost(WAIT).until(() -> publishedFor(keyId).size() == 1);
        assertThat(publishedFor(newerId))
                .singleElement()
                .satisfies(r -> assertThat(r.value().getType()).isEqualTo("io.keygate.token.api-key.frozen.v1"));
    }

    @Test
    void aStoreOfTheFirstReleasesWithJsonbPayloadsKeepsWorkingAndIsNotRewrittenAtStart() {
        pool.query("ALTER TABLE event_store ALTER COLUMN payload TYPE jsonb USING payload::jsonb")
                .execute()
                .await()
                .atMost(WAIT);
        try {
            pool.query(EventStore.resource("schema.sql")).execute().await().atMost(WAIT);
            assertThat(payloadType()).as("left to an operator").isEqualTo("jsonb");

            String keyId = "key_" + UUID.randomUUID();
            var issued = envelope(1, new ApiKeyIssued(state(keyId, ApiKeyStatus.ACTIVE)));
            store.inTransaction(tx -> store.append(tx, "api-key", 0, List.of(issued)))
                    .await()
                    .atMost(WAIT);

            assertThat(store.load(keyId).await().atMost(WAIT)).containsExactly(issued);
            await().atMost(WAIT).until(() -> publishedFor(keyId).size() == 1);
            assertThat(codec.fromCloudEvent(publishedFor(keyId).get(0).value())).isEqualTo(issued);
        } finally {
            pool.query("ALTER TABLE event_store ALTER COLUMN payload TYPE json USING payload::json")
                    .execute()
                    .await()
                    .atMost(WAIT);
        }
    }

    private String payloadType() {
        return pool.query("SELECT data_type FROM information_schema.columns "
                        + "WHERE table_name = 'event_store' AND column_name = 'payload'")
                .execute()
                .await()
                .atMost(WAIT)
                .iterator()
                .next()
                .getString("data_type");
    }

    /** Stores an event row and its outbox row the way a writer of another release might, bypassing append. */
    private UUID storeDirectly(String aggregateId, String type, String payload) {
        UUID eventId = EventEnvelope.newEventId();
        pool.withTransaction(tx -> tx.preparedQuery("""
                                INSERT INTO event_store (aggregate_id, version, aggregate_type, event_id, event_type,
                                    tenant_id, source, occurred_at, correlation_id, payload)
                                VALUES ($1, 1, 'api-key', $2, $3, 'acme', '/eventstore-test', now(), 'corr-direct',
                                    ($4::text)::json)""")
                        .execute(io.vertx.mutiny.sqlclient.Tuple.of(aggregateId, eventId, type, payload))
                        .chain(() -> tx.preparedQuery("INSERT INTO event_outbox (event_id, topic) VALUES ($1, $2)")
                                .execute(io.vertx.mutiny.sqlclient.Tuple.of(eventId, Topic.TOKENS.topicName()))))
                .await()
                .atMost(WAIT);
        return eventId;
    }

    /** [topic, partition, offset] recorded for an event, or null. */
    private List<Object> recordedPosition(UUID eventId) {
        var rows = pool.preparedQuery(
                        "SELECT topic, kafka_partition, kafka_offset FROM event_publication WHERE event_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(eventId))
                .await()
                .atMost(WAIT);
        if (rows.size() == 0) {
            return null;
        }
        var row = rows.iterator().next();
        return List.of(row.getString("topic"), (long) row.getInteger("kafka_partition"), row.getLong("kafka_offset"));
    }

    private long outboxSize() {
        return OutboxRows.count(pool);
    }

    static List<ConsumerRecord<String, CloudEvent>> publishedFor(String key) {
        return Testkit.kafka()
                .readAll(Topic.TOKENS.topicName(), new StringDeserializer(), new CloudEventDeserializer())
                .stream()
                .filter(r -> key.equals(r.key()))
                .toList();
    }

    private static EventEnvelope<KeygateEvent> envelope(long sequence, KeygateEvent event) {
        return EventEnvelope.create(
                "/eventstore-test", sequence, Instant.now().truncatedTo(ChronoUnit.MICROS), "corr", null, event);
    }

    static ApiKeyState state(String keyId, ApiKeyStatus status) {
        return state(keyId, "test", status);
    }

    static ApiKeyState state(String keyId, String name, ApiKeyStatus status) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return new ApiKeyState(
                keyId,
                "acme",
                name,
                "kg_test_AbCd…wXyZ",
                "q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c",
                List.of(),
                status,
                now,
                null,
                status == ApiKeyStatus.REVOKED ? now : null,
                null);
    }
}
