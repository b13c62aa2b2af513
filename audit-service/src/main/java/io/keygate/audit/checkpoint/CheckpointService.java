package io.keygate.audit.checkpoint;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.keygate.audit.config.AuditConfig;
import io.keygate.events.EventCodec;
import io.keygate.events.EventEnvelope;
import io.keygate.events.Topic;
import io.keygate.events.audit.AuditCheckpointSigned;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Signs a checkpoint of every chain that grew since its last one, stores it, and publishes it on {@code
 * keygate.audit-checkpoints}; a checkpoint Kafka did not acknowledge is published again on the next run. Also
 * verifies checkpoints for the chain verification, under the public key of whichever key signed them.
 */
@ApplicationScoped
public class CheckpointService {

    private static final Logger LOG = Logger.getLogger(CheckpointService.class);

    /** After the schema exists. */
    static final int KEY_PRIORITY = Interceptor.Priority.PLATFORM_BEFORE + 30;

    private static final String SOURCE = "/audit-service";

    private final Pool pool;
    private final AuditConfig config;
    private final Map<String, Object> kafka;
    private final Clock clock = Clock.systemUTC();
    private final EventCodec codec = new EventCodec();
    private final Map<String, byte[]> publicKeys = new ConcurrentHashMap<>();
    private final Counter signed;
    private final Counter published;
    private CheckpointKeys.SigningKey key;
    private Producer<String, CloudEvent> producer;

    CheckpointService(
            Pool pool,
            AuditConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            MeterRegistry metrics) {
        this.pool = pool;
        this.config = config;
        this.kafka = kafka;
        this.signed = metrics.counter("keygate.audit.checkpoints.signed");
        this.published = metrics.counter("keygate.audit.checkpoints.published");
    }

    void start(@Observes @Priority(KEY_PRIORITY) StartupEvent startup) {
        key = config.checkpoints().signingKeyFile().map(CheckpointKeys::read).orElseGet(() -> {
            CheckpointKeys.SigningKey generated = CheckpointKeys.generate();
            LOG.warnf(
                    "No keygate.checkpoints.signing-key-file: checkpoints are signed with key %s, generated now and"
                            + " kept in memory only; configure a key file so a restart keeps signing with the same key",
                    generated.keyId());
            return generated;
        });
        pool.preparedQuery("INSERT INTO audit_signing_key (key_id, public_key) VALUES ($1, $2)"
                        + " ON CONFLICT (key_id) DO NOTHING")
                .execute(Tuple.tuple().addString(key.keyId()).addBuffer(Buffer.buffer(key.publicKey())))
                .await()
                .atMost(Duration.ofSeconds(30));
        publicKeys.put(key.keyId(), key.publicKey());
        Map<String, Object> producerConfig = new HashMap<>();
        kafka.forEach((name, value) -> {
            if (ProducerConfig.configNames().contains(name)) {
                producerConfig.put(name, value);
            }
        });
        producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, "audit-service-checkpoints");
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class.getName());
        producerConfig.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
        producerConfig.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        producer = new KafkaProducer<>(producerConfig);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    @Scheduled(
            every = "${keygate.checkpoints.interval:60s}",
            delayed = "${keygate.checkpoints.interval:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return checkpoint()
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.warnf("Checkpoint run failed, retried on the next run: %s", failure.toString());
                    return 0;
                })
                .replaceWithVoid();
    }

    /** Signs and publishes the checkpoints due now; returns how many were signed. */
    public Uni<Integer> checkpoint() {
        return signDue().call(() -> publishPending());
    }

    private Uni<Integer> signDue() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return pool.query("SELECT h.chain, h.last_seq, encode(h.last_hash, 'hex') AS last_hash FROM audit_chain_head h"
                        + " WHERE h.last_seq > coalesce((SELECT max(c.chain_seq) FROM audit_checkpoint c"
                        + " WHERE c.chain = h.chain), 0)")
                .execute()
                .chain(heads -> {
                    List<Checkpoint> due = new ArrayList<>();
                    for (Row row : heads) {
                        String chain = row.getString("chain");
                        long sequence = row.getLong("last_seq");
                        String hash = row.getString("last_hash");
                        String text = AuditCheckpointSigned.signedText(chain, sequence, hash, now);
                        due.add(new Checkpoint(chain, sequence, hash, now, key.keyId(), key.sign(text), false));
                    }
                    if (due.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return pool.preparedQuery("INSERT INTO audit_checkpoint (chain, chain_seq, entry_hash, signed_at,"
                                    + " key_id, signature) SELECT c, s, decode(h, 'hex'), $4, $5, decode(g, 'base64')"
                                    + " FROM unnest($1::text[], $2::bigint[], $3::text[], $6::text[]) AS x(c, s, h, g)"
                                    + " ON CONFLICT DO NOTHING")
                            .execute(Tuple.tuple()
                                    .addArrayOfString(
                                            due.stream().map(Checkpoint::chain).toArray(String[]::new))
                                    .addArrayOfLong(due.stream()
                                            .map(Checkpoint::sequence)
                                            .toArray(Long[]::new))
                                    .addArrayOfString(due.stream()
                                            .map(Checkpoint::entryHash)
                                            .toArray(String[]::new))
                                    .addOffsetDateTime(now.atOffset(ZoneOffset.UTC))
                                    .addString(key.keyId())
                                    .addArrayOfString(due.stream()
                                            .map(c -> Base64.getEncoder().encodeToString(c.signature()))
                                            .toArray(String[]::new)))
                            .map(rows -> {
                                signed.increment(rows.rowCount());
                                return rows.rowCount();
                            });
                });
    }

    private Uni<Void> publishPending() {
        return pool.query("SELECT chain, chain_seq, encode(entry_hash, 'hex') AS entry_hash, signed_at, key_id,"
                        + " signature, published FROM audit_checkpoint WHERE NOT published ORDER BY chain, chain_seq"
                        + " LIMIT 1000")
                .execute()
                .chain(rows -> {
                    List<Checkpoint> pending = new ArrayList<>();
                    rows.forEach(row -> pending.add(toCheckpoint(row)));
                    return Multi.createFrom()
                            .iterable(pending)
                            .onItem()
                            .transformToUniAndConcatenate(this::publish)
                            .collect()
                            .last()
                            .replaceWithVoid();
                });
    }

    private Uni<Void> publish(Checkpoint checkpoint) {
        AuditCheckpointSigned event = checkpoint.toEvent();
        EventEnvelope<AuditCheckpointSigned> envelope =
                EventEnvelope.create(SOURCE, checkpoint.sequence(), checkpoint.signedAt(), null, null, event);
        CompletableFuture<Void> sent = new CompletableFuture<>();
        producer.send(
                new ProducerRecord<>(
                        Topic.AUDIT_CHECKPOINTS.topicName(), event.aggregateId(), codec.toCloudEvent(envelope)),
                (metadata, error) -> {
                    if (error != null) {
                        sent.completeExceptionally(error);
                    } else {
                        sent.complete(null);
                    }
                });
        return Uni.createFrom()
                .completionStage(sent)
                .chain(() -> pool.preparedQuery(
                                "UPDATE audit_checkpoint SET published = true WHERE chain = $1 AND chain_seq = $2")
                        .execute(Tuple.of(checkpoint.chain(), checkpoint.sequence())))
                .invoke(() -> published.increment())
                .replaceWithVoid();
    }

    /** The checkpoints of a chain from {@code fromSequence} to {@code toSequence}, in order. */
    public Uni<List<Checkpoint>> checkpoints(String chain, long fromSequence, long toSequence) {
        return pool.preparedQuery("SELECT chain, chain_seq, encode(entry_hash, 'hex') AS entry_hash, signed_at, key_id,"
                        + " signature, published FROM audit_checkpoint WHERE chain = $1 AND chain_seq >= $2"
                        + " AND chain_seq <= $3 ORDER BY chain_seq LIMIT 100000")
                .execute(Tuple.of(chain, fromSequence, toSequence))
                .map(rows -> {
                    List<Checkpoint> list = new ArrayList<>();
                    rows.forEach(row -> list.add(toCheckpoint(row)));
                    return list;
                });
    }

    /** Every public key that ever signed checkpoints, by key id, oldest first. */
    public Uni<Map<String, byte[]>> publicKeys() {
        return pool.query("SELECT key_id, public_key FROM audit_signing_key ORDER BY created_at, key_id")
                .execute()
                .map(rows -> {
                    Map<String, byte[]> keys = new LinkedHashMap<>();
                    rows.forEach(row -> keys.put(
                            row.getString("key_id"), row.getBuffer("public_key").getBytes()));
                    publicKeys.putAll(keys);
                    return keys;
                });
    }

    /** Whether the checkpoint's signature verifies under its key (false for an unknown key). */
    public Uni<Boolean> signatureValid(Checkpoint checkpoint) {
        byte[] known = publicKeys.get(checkpoint.keyId());
        Uni<byte[]> publicKey =
                known != null ? Uni.createFrom().item(known) : publicKeys().map(keys -> keys.get(checkpoint.keyId()));
        return publicKey.map(
                k -> k != null && CheckpointKeys.verify(k, checkpoint.signedText(), checkpoint.signature()));
    }

    private static Checkpoint toCheckpoint(Row row) {
        return new Checkpoint(
                row.getString("chain"),
                row.getLong("chain_seq"),
                row.getString("entry_hash"),
                row.getOffsetDateTime("signed_at").toInstant(),
                row.getString("key_id"),
                row.getBuffer("signature").getBytes(),
                row.getBoolean("published"));
    }
}
