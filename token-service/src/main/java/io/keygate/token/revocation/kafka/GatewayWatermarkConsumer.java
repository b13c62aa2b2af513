package io.keygate.token.revocation.kafka;

import io.cloudevents.CloudEvent;
import io.keygate.events.EventCodec;
import io.keygate.events.EventType;
import io.keygate.events.KafkaTopics;
import io.keygate.events.Topic;
import io.keygate.events.UnreadableEventException;
import io.keygate.events.gateway.GatewayWatermarkPublished;
import io.keygate.eventstore.EventStoreConfig;
import io.keygate.token.revocation.GatewayWatermarks;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads the gateways' revocation watermarks from {@code keygate.gateway-watermarks} (channel
 * {@code gateway-watermarks}) into {@link GatewayWatermarks}. Memory only: every instance reads the compacted topic
 * from the beginning under a group of its own and commits nothing. Records of other types and unreadable ones are
 * skipped, never stop the channel.
 */
@ApplicationScoped
public class GatewayWatermarkConsumer {

    private static final Logger LOG = Logger.getLogger(GatewayWatermarkConsumer.class);

    private final GatewayWatermarks watermarks;
    private final EventCodec codec = new EventCodec();

    GatewayWatermarkConsumer(GatewayWatermarks watermarks) {
        this.watermarks = watermarks;
    }

    /** The topic is created with its contract settings before the channel subscribes, whoever starts first. */
    void createTopic(
            @Observes @Priority(5) StartupEvent startup,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            EventStoreConfig storeConfig) {
        KafkaTopics.ensureExist(
                kafkaConfig,
                "token-service-watermark-topics",
                List.of(Topic.GATEWAY_WATERMARKS),
                storeConfig.replicationFactor());
    }

    @Incoming("gateway-watermarks")
    public void receive(CloudEvent event) {
        if (event == null || !EventType.GATEWAY_WATERMARK_PUBLISHED.type().equals(event.getType())) {
            return;
        }
        try {
            watermarks.record(
                    (GatewayWatermarkPublished) codec.fromCloudEvent(event).data());
        } catch (UnreadableEventException e) {
            LOG.warnf("Skipped an unreadable gateway watermark %s: %s", event.getId(), e.getMessage());
        }
    }
}
