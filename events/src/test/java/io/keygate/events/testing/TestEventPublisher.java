package io.keygate.events.testing;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.keygate.events.EventCodec;
import io.keygate.events.EventEnvelope;
import io.keygate.events.Topic;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Test fixture shared through the events test-jar: publishes to a broker the way Keygate's services do
 * (CloudEvents in binary mode, keyed by subject, {@code acks=all}), waiting for each acknowledgement, and
 * can publish raw bytes that are no CloudEvent at all, to test how consumers survive them.
 */
public final class TestEventPublisher implements AutoCloseable {

    private final EventCodec codec = new EventCodec();
    private final KafkaProducer<String, CloudEvent> events;
    private final KafkaProducer<String, byte[]> raw;

    public TestEventPublisher(String bootstrapServers) {
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrapServers, "acks", "all");
        this.events = new KafkaProducer<>(config, new StringSerializer(), new CloudEventSerializer());
        this.raw = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends an event to its contract topic, keyed by its subject. */
    public void send(EventEnvelope<?> envelope) {
        send(envelope.type().topic(), envelope.subject(), codec.toCloudEvent(envelope));
    }

    /** Sends any CloudEvent. */
    public void send(Topic topic, String key, CloudEvent event) {
        await(events.send(new ProducerRecord<>(topic.topicName(), key, event)));
    }

    /** Sends bytes without CloudEvents headers. */
    public void sendRaw(Topic topic, String key, byte[] value) {
        await(raw.send(new ProducerRecord<>(topic.topicName(), key, value)));
    }

    private static void await(Future<?> sent) {
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
        events.close();
        raw.close();
    }
}
