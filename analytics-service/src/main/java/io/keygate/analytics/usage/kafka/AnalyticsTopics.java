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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * Creates the topic analytics reads when it is missing (the broker does not auto-create topics), before
 * the messaging channels start, so the consumer subscribes to a topic that exists.
 */
@ApplicationScoped
public class AnalyticsTopics {

    /** Must match {@code mp.messaging.incoming.calls.topic}. */
    public static final List<Topic> READ = List.of(Topic.CALLS);

    /** After the schema, before the messaging channels (LIBRARY_BEFORE). */
    static final int TOPICS_PRIORITY = Interceptor.Priority.PLATFORM_BEFORE + 20;

    private final Map<String, Object> kafka;
    private final AnalyticsConfig config;

    AnalyticsTopics(@Identifier("default-kafka-broker") Map<String, Object> kafka, AnalyticsConfig config) {
        this.kafka = kafka;
        this.config = config;
    }

    void ensureExist(@Observes @Priority(TOPICS_PRIORITY) StartupEvent startup) {
        Map<String, Object> admin = new HashMap<>(kafka);
        admin.remove(ConsumerConfig.GROUP_ID_CONFIG);
        admin.put(CommonClientConfigs.CLIENT_ID_CONFIG, "analytics-service-admin");
        try (Admin client = Admin.create(admin)) {
            KafkaTopics.ensureExist(client, READ, config.kafka().replicationFactor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating Kafka topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer while creating topics " + READ, e);
        }
    }
}
