package io.keygate.audit.event.kafka;

import io.keygate.audit.config.AuditConfig;
import io.keygate.events.KafkaTopics;
import io.keygate.events.Topic;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.List;
import java.util.Map;

/**
 * Creates the topics audit reads when they are missing (the broker does not auto-create topics), before
 * the messaging channels start, so the consumer subscribes to topics that exist.
 */
@ApplicationScoped
public class AuditTopics {

    /** Every topic of the event contract; must match {@code mp.messaging.incoming.audit-events.topics}. */
    public static final List<Topic> READ = List.of(Topic.TOKENS, Topic.POLICIES, Topic.SIGNING_KEYS, Topic.CALLS);

    /** After the schema, before the messaging channels (LIBRARY_BEFORE). */
    static final int TOPICS_PRIORITY = Interceptor.Priority.PLATFORM_BEFORE + 20;

    private final Map<String, Object> kafka;
    private final AuditConfig config;

    AuditTopics(@Identifier("default-kafka-broker") Map<String, Object> kafka, AuditConfig config) {
        this.kafka = kafka;
        this.config = config;
    }

    void ensureExist(@Observes @Priority(TOPICS_PRIORITY) StartupEvent startup) {
        KafkaTopics.ensureExist(
                kafka, "audit-service-admin", READ, config.kafka().replicationFactor());
    }
}
