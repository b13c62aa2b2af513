package io.keygate.eventstore;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.keygate.events.EventAttributes;
import io.keygate.events.EventCodec;
import io.keygate.events.EventType;
import io.keygate.events.KafkaTopics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox to Kafka: woken at once when a transaction appends events (in this process by
 * {@link OutboxWakeup} after a command commits, from other processes by LISTEN/NOTIFY), and by a poll as a safety
 * net. Each pass takes a transaction-scoped advisory lock (one relay per database
 * at a time, so per-aggregate order holds across replicas), reads a batch in outbox order, sends it
 * with an idempotent {@code acks=all} producer keyed by aggregate id, waits for every acknowledgement,
 * and only then deletes the rows. A failure rolls the pass back; the rows are sent again on the next
 * pass, and consumers drop the duplicates by event id. For the event types in
 * {@code keygate.eventstore.relay.record-positions-of}, the same transaction records the partition and offset Kafka
 * acknowledged in {@code event_publication}, in one statement per pass.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary constant naming the relay's advisory lock. */
    static final long RELAY_LOCK = 0x6b6579676174654cL;
    /** What {@link #relayBatch} returns when another replica's relay holds the lock. */
    private static final int LOCK_BUSY = -1;
    /**
     * How soon a pass that found the lock held tries again: the holder was not told of this process's rows (commands
     * here wake the local relay, not every relay), so they wait for this retry, not for the poll.
     */
    private static final long LOCK_RETRY_MILLIS = 20;

    private final Pool pool;
    private final Vertx vertx;
    private final EventStoreConfig config;
    private final Map<String, Object> kafkaConfig;
    private final EventCodec codec = new EventCodec();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean wakeAgain = new AtomicBoolean();
    private final Counter published;
    private final Counter failures;
    /** CloudEvents types of the event types whose Kafka position is recorded. */
    private final Set<String> recordPositionsOf;

    private final OutboxWakeup wakeup;
    private final AtomicBoolean retryScheduled = new AtomicBoolean();
    private final long minPassIntervalNanos;
    private volatile long lastPassStarted = System.nanoTime() - TimeUnit.DAYS.toNanos(1);

    private KafkaProducer<String, CloudEvent> producer;
    private PgSubscriber subscriber;
    private long pollTimer = -1;
    private volatile boolean stopped;

    OutboxRelay(
            Pool pool,
            Vertx vertx,
            EventStoreConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            MeterRegistry registry,
            OutboxWakeup wakeup) {
        this.pool = pool;
        this.wakeup = wakeup;
        this.vertx = vertx;
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.minPassIntervalNanos = config.relay().minPassInterval().toNanos();
        this.published = registry.counter("keygate.outbox.published");
        this.failures = registry.counter("keygate.outbox.publish.failures");
        this.recordPositionsOf = config.relay().recordPositionsOf().orElse(Set.<EventType>of()).stream()
                .map(EventType::type)
                .collect(Collectors.toUnmodifiableSet());
    }

    void start(@Observes @Priority(20) StartupEvent startup) throws Exception {
        if (!config.relay().enabled()) {
            return;
        }
        try (Admin admin = Admin.create(kafkaConfig)) {
            KafkaTopics.ensureExist(admin, config.topics(), config.replicationFactor());
        }
        producer = new KafkaProducer<>(producerConfig());
        subscriber = PgSubscriber.subscriber(vertx, connectOptions()).reconnectPolicy(attempt -> 1000L);
        subscriber.channel(EventStore.OUTBOX_CHANNEL).handler(payload -> wake());
        subscriber.connect().await().atMost(Duration.ofSeconds(30));
        pollTimer = vertx.setPeriodic(config.relay().pollInterval().toMillis(), id -> wake());
        wakeup.register(this::wake);
        wake();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopped = true;
        wakeup.unregister();
        if (pollTimer >= 0) {
            vertx.cancelTimer(pollTimer);
        }
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /**
     * Starts a drain unless one is running (a running drain goes round once more), no sooner than
     * {@code relay.min-pass-interval} after the previous pass started: under a steady stream of commits, each pass then
     * takes what that interval gathered instead of a pass per commit, each pass a transaction of its own.
     */
    void wake() {
        if (stopped) {
            return;
        }
        wakeAgain.set(true);
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        long waitNanos = minPassIntervalNanos - (System.nanoTime() - lastPassStarted);
        if (waitNanos > 0) {
            vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(waitNanos)), id -> pass());
        } else {
            pass();
        }
    }

    private void pass() {
        if (stopped) {
            draining.set(false);
            return;
        }
        wakeAgain.set(false);
        lastPassStarted = System.nanoTime();
        relayBatch()
                .subscribe()
                .with(
                        count -> {
                            draining.set(false);
                            if (count == LOCK_BUSY) {
                                retryAfterLockBusy();
                            } else if (count >= config.relay().batchSize() || wakeAgain.get()) {
                                wake();
                            }
                        },
                        failure -> {
                            draining.set(false);
                            failures.increment();
                            LOG.warnf("Outbox relay pass failed, retrying on the next poll: %s", failure.toString());
                        });
    }

    /** Tries again shortly (once, however many passes found the lock held meanwhile). */
    private void retryAfterLockBusy() {
        if (retryScheduled.compareAndSet(false, true)) {
            vertx.setTimer(LOCK_RETRY_MILLIS, id -> {
                retryScheduled.set(false);
                wake();
            });
        }
    }

    /**
     * One pass: publishes up to a batch of outbox rows and deletes them; returns how many, or {@value #LOCK_BUSY}
     * when another replica's relay holds the lock.
     */
    Uni<Integer> relayBatch() {
        return pool.withTransaction(tx -> tx.preparedQuery("SELECT pg_try_advisory_xact_lock($1) AS locked")
                .execute(Tuple.of(RELAY_LOCK))
                .chain(rows -> rows.iterator().next().getBoolean("locked")
                        ? publishPending(tx)
                        : Uni.createFrom().item(LOCK_BUSY)));
    }

    private Uni<Integer> publishPending(SqlConnection tx) {
        return tx.preparedQuery("""
                        SELECT o.seq, o.topic, e.event_id, e.event_type, e.source, e.aggregate_id, e.version,
                               e.occurred_at, e.tenant_id, e.correlation_id, e.causation_id, e.actor, e.client_ip,
                               e.payload::text AS payload
                        FROM event_outbox o JOIN event_store e ON e.event_id = o.event_id
                        ORDER BY o.seq LIMIT $1""")
                .execute(Tuple.of(config.relay().batchSize()))
                .chain(rows -> {
                    List<Pending> batch = new ArrayList<>();
                    for (Row row : rows) {
                        batch.add(pending(row));
                    }
                    if (batch.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    // Exactly the rows read: a range up to the last would also take a row below it whose
                    // transaction committed after this read (sequence numbers are taken before commit, so commits
                    // can come out of their order), deleting an event that was never published.
                    Long[] read = batch.stream().map(Pending::seq).toArray(Long[]::new);
                    return send(batch)
                            .chain(acks -> recordPositions(tx, batch, acks))
                            .chain(() -> tx.preparedQuery("DELETE FROM event_outbox WHERE seq = ANY($1::bigint[])")
                                    .execute(Tuple.tuple().addArrayOfLong(read)))
                            .invoke(() -> published.increment(batch.size()))
                            .replaceWith(batch.size());
                });
    }

    /** An outbox row as it is published: the stored attributes and the stored JSON bytes, neither read nor rewritten. */
    private static Pending pending(Row row) {
        EventAttributes attributes = new EventAttributes(
                row.getUUID("event_id"),
                row.getString("source"),
                row.getString("event_type"),
                row.getString("aggregate_id"),
                row.getLong("version"),
                row.getOffsetDateTime("occurred_at").toInstant(),
                row.getString("tenant_id"),
                row.getString("correlation_id"),
                row.getString("causation_id"),
                row.getString("actor"),
                row.getString("client_ip"));
        return new Pending(
                row.getLong("seq"),
                row.getString("topic"),
                attributes,
                row.getString("payload").getBytes(StandardCharsets.UTF_8));
    }

    /** Records where Kafka stored the events of the types asked for; nothing at all when none are. */
    private Uni<Void> recordPositions(SqlConnection tx, List<Pending> batch, List<RecordMetadata> acks) {
        if (recordPositionsOf.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<UUID> ids = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        List<Integer> partitions = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            EventAttributes event = batch.get(i).attributes();
            RecordMetadata ack = acks.get(i);
            if (recordPositionsOf.contains(event.type()) && ack.hasOffset()) {
                ids.add(event.id());
                topics.add(ack.topic());
                partitions.add(ack.partition());
                offsets.add(ack.offset());
            }
        }
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // One statement per pass; a resend after a failed pass keeps the position of the pass that committed.
        return tx.preparedQuery("""
                        INSERT INTO event_publication (event_id, topic, kafka_partition, kafka_offset)
                        SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::bigint[])
                        ON CONFLICT (event_id) DO NOTHING""")
                .execute(Tuple.tuple()
                        .addArrayOfUUID(ids.toArray(UUID[]::new))
                        .addArrayOfString(topics.toArray(String[]::new))
                        .addArrayOfInteger(partitions.toArray(Integer[]::new))
                        .addArrayOfLong(offsets.toArray(Long[]::new)))
                .replaceWithVoid();
    }

    /**
     * Sends a batch and waits for every acknowledgement, on a worker thread (the producer may block); the
     * acknowledgements come back in batch order.
     */
    private Uni<List<RecordMetadata>> send(List<Pending> batch) {
        return Uni.createFrom()
                .<List<RecordMetadata>>item(() -> {
                    List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
                    for (Pending pending : batch) {
                        CloudEvent event = codec.toCloudEvent(pending.attributes(), pending.data());
                        acks.add(producer.send(new ProducerRecord<>(
                                pending.topic(), pending.attributes().subject(), event)));
                    }
                    List<RecordMetadata> acknowledged = new ArrayList<>(batch.size());
                    for (Future<RecordMetadata> ack : acks) {
                        try {
                            acknowledged.add(ack.get());
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException("Interrupted while publishing the outbox", e);
                        } catch (java.util.concurrent.ExecutionException e) {
                            throw new IllegalStateException("Kafka refused an outbox event", e.getCause());
                        }
                    }
                    return acknowledged;
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> producerConfig = new HashMap<>(kafkaConfig);
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class.getName());
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        producerConfig.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        producerConfig.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producerConfig.putIfAbsent(
                ProducerConfig.CLIENT_ID_CONFIG,
                "outbox-relay" + config.source().replace('/', '-'));
        return producerConfig;
    }

    private static PgConnectOptions connectOptions() {
        var appConfig = ConfigProvider.getConfig();
        PgConnectOptions options = PgConnectOptions.fromUri(appConfig
                .getValue("quarkus.datasource.reactive.url", String.class)
                .replaceFirst("^vertx-reactive:", ""));
        appConfig.getOptionalValue("quarkus.datasource.username", String.class).ifPresent(options::setUser);
        appConfig.getOptionalValue("quarkus.datasource.password", String.class).ifPresent(options::setPassword);
        return options;
    }

    private record Pending(long seq, String topic, EventAttributes attributes, byte[] data) {}
}
