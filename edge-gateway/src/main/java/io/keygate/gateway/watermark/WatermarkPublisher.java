package io.keygate.gateway.watermark;

import io.cloudevents.CloudEvent;
import io.keygate.events.EventCodec;
import io.keygate.events.EventEnvelope;
import io.keygate.events.Topic;
import io.keygate.events.gateway.AppliedPosition;
import io.keygate.events.gateway.GatewayWatermarkPublished;
import io.keygate.gateway.config.GatewayConfig;
import io.keygate.gateway.kafka.KafkaClientProperties;
import io.keygate.gateway.state.AppliedPositions;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/**
 * Publishes this replica's revocation watermark ({@link GatewayWatermarkPublished}: the positions the state consumer
 * applied on every partition of {@code keygate.tokens}, each with the time it was first reached) every
 * {@code keygate.gateway.watermark.interval}, keyed by gateway id, on its own thread. A failed send is logged and
 * the next interval sends a newer watermark: nothing is queued up. The envelope's sequence is the publication time
 * in milliseconds, so it grows across restarts of a replica.
 */
@ApplicationScoped
public class WatermarkPublisher {

    /** After {@code GatewayLifecycle} (default priority), which creates the topics and starts the state consumer. */
    static final int START_PRIORITY = 3000;

    private static final Logger LOG = Logger.getLogger(WatermarkPublisher.class);
    private static final String SOURCE = "/edge-gateway";
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

    private final KafkaClientProperties kafka;
    private final AppliedPositions positions;
    private final String gatewayId;
    private final Duration interval;
    private final EventCodec codec = new EventCodec();
    private final String topic = Topic.GATEWAY_WATERMARKS.topicName();
    private final String tokensTopic = Topic.TOKENS.topicName();

    private ScheduledExecutorService scheduler;
    private Producer<String, CloudEvent> producer;
    private volatile boolean lastSendFailed;

    public WatermarkPublisher(KafkaClientProperties kafka, AppliedPositions positions, GatewayConfig config) {
        this.kafka = kafka;
        this.positions = positions;
        this.gatewayId = config.gateway().id();
        this.interval = config.gateway().watermark().interval();
    }

    void start(@Observes @Priority(START_PRIORITY) StartupEvent startup) {
        producer = new KafkaProducer<>(kafka.watermarkProducer());
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "GatewayWatermarkPublisher");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(
                this::publishSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        if (producer != null) {
            producer.close(CLOSE_TIMEOUT);
        }
    }

    private void publishSafely() {
        try {
            publish();
        } catch (RuntimeException e) {
            // Never let an exception cancel the schedule.
            failed(e);
        }
    }

    /** Sends the current watermark; nothing before the state consumer has assigned its partitions. */
    void publish() {
        List<AppliedPosition> applied = positions.of(tokensTopic);
        if (applied.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        GatewayWatermarkPublished watermark = new GatewayWatermarkPublished(gatewayId, now, applied);
        EventEnvelope<GatewayWatermarkPublished> envelope =
                EventEnvelope.create(SOURCE, now.toEpochMilli(), now, null, null, watermark);
        producer.send(new ProducerRecord<>(topic, gatewayId, codec.toCloudEvent(envelope)), (metadata, error) -> {
            if (error != null) {
                failed(error);
            } else if (lastSendFailed) {
                lastSendFailed = false;
                LOG.info("Revocation watermark published again");
            }
        });
    }

    private void failed(Exception error) {
        // Logged once per outage, not once per interval.
        if (!lastSendFailed) {
            lastSendFailed = true;
            LOG.warnf("Revocation watermark not published; retrying every %s: %s", interval, error.toString());
        }
    }
}
