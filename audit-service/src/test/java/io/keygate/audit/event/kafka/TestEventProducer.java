package io.keygate.audit.event.kafka;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.keygate.events.EventCodec;
import io.keygate.events.EventEnvelope;
import io.keygate.events.Topic;
import io.keygate.testkit.Testkit;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes to the testkit broker the way Keygate's services do: CloudEvents in binary mode, keyed by subject. */
public final class TestEventProducer implements AutoCloseable {

    private final EventCodec codec = new EventCodec();
    private final KafkaProducer<String, CloudEvent> events;
    private final KafkaProducer<String, byte[]> raw;

    public TestEventProducer() {
        Map<String, Object> config = Map.of("bootstrap.servers", Testkit.kafka().bootstrapServers(), "acks", "all");
        this.events = new KafkaProducer<>(config, new StringSerializer(), new CloudEventSerializer());
        this.raw = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends an event to its contract topic and waits for the broker's acknowledgement. */
    public void send(EventEnvelope<?> envelope) {
        send(envelope.type().topic(), envelope.subject(), codec.toCloudEvent(envelope));
    }

    /** Sends any CloudEvent. */
    public void send(Topic topic, String key, CloudEvent event) {
        await(() -> events.send(new ProducerRecord<>(topic.topicName(), key, event)).get());
    }

    /** Sends bytes without CloudEvents headers. */
    public void sendRaw(Topic topic, String key, byte[] value) {
        await(() -> raw.send(new ProducerRecord<>(topic.topicName(), key, value)).get());
    }

    private static void await(Sending sending) {
        try {
            sending.send();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Send failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        events.close();
        raw.close();
    }

    @FunctionalInterface
    private interface Sending {
        void send() throws ExecutionException, InterruptedException;
    }
}
