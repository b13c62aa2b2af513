package io.keygate.analytics.usage.kafka;

import io.keygate.analytics.config.AnalyticsConfig;
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
 * Creates the topics analytics reads when they are missing (the broker does not auto-create topics), before
 * the messaging channels start, so the consumer subscribes to a topic that exists.
 */
@ApplicationScoped
public class AnalyticsTopics {

    /** Must match {@code mp.messaging.incoming.calls.topic} and {@code mp.messaging.incoming.key-limits.topic}. */
    public static final List<Topic> READ = List.of(Topic.CALLS, Topic.TOKENS);

    /** After the schema, before the messaging channels (LIBRARY_BEFORE). */
    static final int TOPICS_PRIORITY = Interceptor.Priority.PLATFORM_BEFORE + 20;

    private final Map<String, Object> kafka;
    private final AnalyticsConfig config;

    AnalyticsTopics(@Identifier("default-kafka-broker") Map<String, Object> kafka, AnalyticsConfig config) {
        this.kafka = kafka;
        this.config = config;
    }

    void ensureExist(@Observes @Priority(TOPICS_PRIORITY) StartupEvent startup) {
        KafkaTopics.ensureExist(
                kafka, "analytics-service-admin", READ, config.kafka().replicationFactor());
    }
}
