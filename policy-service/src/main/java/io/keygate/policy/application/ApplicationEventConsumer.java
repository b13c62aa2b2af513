package io.keygate.policy.application;

import io.cloudevents.CloudEvent;
import io.keygate.events.EventCodec;
import io.keygate.events.KafkaTopics;
import io.keygate.events.Topic;
import io.keygate.events.application.ApplicationEvent;
import io.keygate.eventstore.EventStoreConfig;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads the token-service's application events from {@code keygate.tokens} (channel {@code applications}; the
 * topic's credential events are skipped) into {@link ApplicationOwners}. The record's offset is committed once the
 * owner is stored, so a crash redelivers it, and a redelivery changes nothing.
 */
@ApplicationScoped
public class ApplicationEventConsumer {

    private final ApplicationOwners owners;
    private final EventCodec codec = new EventCodec();

    ApplicationEventConsumer(ApplicationOwners owners) {
        this.owners = owners;
    }

    /** The topic is created with its contract settings before the channel subscribes, whoever starts first. */
    void createTopic(
            @Observes @Priority(5) StartupEvent startup,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            EventStoreConfig storeConfig) {
        KafkaTopics.ensureExist(
                kafkaConfig, "policy-service-token-topics", List.of(Topic.TOKENS), storeConfig.replicationFactor());
    }

    @Incoming("applications")
    public Uni<Void> receive(CloudEvent event) {
        return codec.fromCloudEventIf(event, ApplicationEvent.class)
                .map(envelope -> owners.record(envelope.data().application(), envelope.sequence()))
                .orElseGet(() -> Uni.createFrom().voidItem());
    }
}
