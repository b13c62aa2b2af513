package io.keygate.gateway.support;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.keygate.events.EventCodec;
import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.keygate.testkit.Testkit;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes events to the testkit broker the way token- and policy-service do: CloudEvents, keyed by aggregate. */
public final class StateEvents implements AutoCloseable {

    private final EventCodec codec = new EventCodec();
    private final KafkaProducer<String, CloudEvent> producer;

    private StateEvents(KafkaProducer<String, CloudEvent> producer) {
        this.producer = producer;
    }

    public static StateEvents connect() {
        return new StateEvents(new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Testkit.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class.getName())));
    }

    /** Publishes {@code event} at aggregate {@code sequence} and waits for the broker's acknowledgement. */
    public void publish(long sequence, KeygateEvent event) {
        EventEnvelope<KeygateEvent> envelope = EventEnvelope.create("/test", sequence, Instant.now(), "test", null, event);
        await(producer.send(new ProducerRecord<>(envelope.type().topic().topicName(), envelope.subject(),
                codec.toCloudEvent(envelope))));
    }

    /** Publishes raw bytes that are no CloudEvent at all. */
    public static void publishGarbage(String topic, byte[] value) {
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Testkit.kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()))) {
            await(raw.send(new ProducerRecord<>(topic, "garbage", value)));
        }
    }

    private static void await(java.util.concurrent.Future<?> sent) {
        try {
            sent.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Event not acknowledged", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
