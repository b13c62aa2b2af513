package io.keygate.bench;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.keygate.events.EventCodec;
import io.keygate.events.EventEnvelope;
import io.keygate.events.KafkaTopics;
import io.keygate.events.KeygateEvent;
import io.keygate.events.Topic;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes token and policy events the way token- and policy-service do (CloudEvents in binary mode on the
 * contract topic, keyed by aggregate id, idempotent producer, {@code acks=all}); lz4-compressed and without
 * waiting for each acknowledgement, so that a million keys reach the broker in seconds.
 */
final class StatePublisher implements AutoCloseable {

    private static final String SOURCE = "/bench";

    private final EventCodec codec = new EventCodec();
    private final KafkaProducer<String, CloudEvent> producer;
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

    /**
     * @param lingerMillis how long the producer waits to fill a batch: 0 as the outbox relay of token-service (a
     *                     revocation is sent at once), more to load many events fast
     */
    StatePublisher(String bootstrapServers, int lingerMillis) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.COMPRESSION_TYPE_CONFIG,
                "lz4",
                ProducerConfig.LINGER_MS_CONFIG,
                lingerMillis,
                ProducerConfig.BATCH_SIZE_CONFIG,
                1 << 20,
                ProducerConfig.BUFFER_MEMORY_CONFIG,
                128L << 20);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new CloudEventSerializer());
    }

    /** Creates the contract's topics (one broker: replication factor 1) if they are missing. */
    static void createTopics(String bootstrapServers) {
        KafkaTopics.ensureExist(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                "bench-topics",
                List.of(Topic.values()),
                (short) 1);
    }

    /** Sends an event at aggregate {@code sequence} without waiting; {@link #flush} reports any failure. */
    Future<RecordMetadata> send(long sequence, KeygateEvent event) {
        EventEnvelope<KeygateEvent> envelope =
                EventEnvelope.create(SOURCE, sequence, Instant.now(), "bench", null, event);
        return producer.send(
                new ProducerRecord<>(
                        envelope.type().topic().topicName(), envelope.subject(), codec.toCloudEvent(envelope)),
                (metadata, failure) -> {
                    if (failure != null) {
                        firstFailure.compareAndSet(null, failure);
                    }
                });
    }

    /** Waits until every event sent so far is acknowledged; fails if any was not. */
    void flush() {
        producer.flush();
        Exception failure = firstFailure.get();
        if (failure != null) {
            throw new IllegalStateException("An event was not acknowledged by the broker", failure);
        }
    }

    /** Sends one event and waits for its acknowledgement. */
    void sendAndWait(long sequence, KeygateEvent event) {
        try {
            send(sequence, event).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Event not acknowledged", e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
