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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Creates the topics audit reads when they are missing (the broker does not auto-create topics), before
 * the messaging channels start, so the consumer subscribes to topics that exist.
 */
@ApplicationScoped
public class AuditTopics {

    /**
     * Every topic of the event contract but the gateways' watermarks (each replica's read positions, once a second:
     * bookkeeping, not activity) and audit's own checkpoints; must match {@code
     * mp.messaging.incoming.audit-events.topics}.
     */
    public static final List<Topic> READ = Arrays.stream(Topic.values())
            .filter(t -> t != Topic.GATEWAY_WATERMARKS && t != Topic.AUDIT_CHECKPOINTS)
            .toList();

    /** Where audit publishes its signed checkpoints. */
    public static final List<Topic> WRITE = List.of(Topic.AUDIT_CHECKPOINTS);

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
                kafka,
                "audit-service-admin",
                Stream.concat(READ.stream(), WRITE.stream()).toList(),
                config.kafka().replicationFactor());
    }
}
