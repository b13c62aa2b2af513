package io.keygate.gateway.calls;

import io.cloudevents.CloudEvent;
import io.keygate.events.EventCodec;
import io.keygate.events.EventEnvelope;
import io.keygate.events.Topic;
import io.keygate.events.call.CallRecorded;
import io.keygate.gateway.kafka.KafkaClientProperties;
import io.keygate.gateway.metrics.GatewayMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Publishes {@code CallRecorded} events to {@code keygate.calls}, asynchronously and in batches, from
 * the request's event loop without ever holding it up for long: a send that cannot go out within
 * {@code keygate.gateway.calls.max-block} (buffer full, Kafka unreachable) is dropped and counted in
 * {@code keygate.gateway.calls.dropped}, never silently. Calls are not aggregates: sequence 0, keyed by
 * key id (or request id), correlated by request id.
 */
@ApplicationScoped
public class CallRecordPublisher {

    /** CloudEvents source of call records. */
    public static final String SOURCE = "/edge-gateway";

    private static final Logger LOG = Logger.getLogger(CallRecordPublisher.class);
    private static final long LOG_INTERVAL_NANOS = Duration.ofSeconds(1).toNanos();
    private static final Duration WARM_UP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final KafkaClientProperties kafka;
    private final GatewayMetrics metrics;
    private final EventCodec codec = new EventCodec();
    private final String topic = Topic.CALLS.topicName();
    private final AtomicLong lastDropLogged = new AtomicLong(System.nanoTime() - LOG_INTERVAL_NANOS);
    private volatile Producer<String, CloudEvent> producer;

    public CallRecordPublisher(KafkaClientProperties kafka, GatewayMetrics metrics) {
        this.kafka = kafka;
        this.metrics = metrics;
    }

    /** Creates the producer and fetches the topic's metadata, so the first requests do not wait for it. */
    public void start() {
        producer = new KafkaProducer<>(kafka.callProducer());
        long deadline = System.nanoTime() + WARM_UP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                producer.partitionsFor(topic);
                return;
            } catch (TimeoutException e) {
                // max.block.ms is short on purpose; the metadata request is still on its way.
            }
        }
        LOG.warnf("No metadata for %s after %s; call records are dropped until Kafka answers", topic, WARM_UP_TIMEOUT);
    }

    /** Sends the record; returns at once. */
    public void publish(CallRecorded record) {
        Producer<String, CloudEvent> current = producer;
        if (current == null) {
            dropped("the producer is not running");
            return;
        }
        try {
            EventEnvelope<CallRecorded> envelope =
                    EventEnvelope.create(SOURCE, 0, Instant.now(), record.requestId(), null, record);
            current.send(
                    new ProducerRecord<>(topic, record.aggregateId(), codec.toCloudEvent(envelope)),
                    (metadata, error) -> {
                        if (error != null) {
                            dropped(error.toString());
                        }
                    });
        } catch (RuntimeException e) {
            dropped(e.toString());
        }
    }

    /** Flushes what is buffered (bounded) and closes the producer. */
    public void stop() {
        Producer<String, CloudEvent> current = producer;
        producer = null;
        if (current != null) {
            current.close(CLOSE_TIMEOUT);
        }
    }

    private void dropped(String reason) {
        metrics.callRecordDropped();
        long now = System.nanoTime();
        long last = lastDropLogged.get();
        if (now - last >= LOG_INTERVAL_NANOS && lastDropLogged.compareAndSet(last, now)) {
            LOG.warnf(
                    "Dropped a call record (counted in keygate.gateway.calls.dropped; logged at most once a second): %s",
                    reason);
        }
    }
}
