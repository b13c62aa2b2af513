package io.keygate.gateway.kafka;

import io.keygate.events.KafkaTopics;
import io.keygate.events.Topic;
import io.keygate.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;

/**
 * The topics the gateway reads (tokens, policies, signing keys) and writes (calls, revocation watermarks), created at
 * start when missing.
 */
@ApplicationScoped
public class GatewayTopics {

    /** Topics the state is built from. */
    public static final List<Topic> STATE = List.of(Topic.TOKENS, Topic.POLICIES, Topic.SIGNING_KEYS);
    /** Every topic the gateway touches. */
    public static final List<Topic> ALL =
            List.of(Topic.TOKENS, Topic.POLICIES, Topic.SIGNING_KEYS, Topic.CALLS, Topic.GATEWAY_WATERMARKS);

    private final KafkaClientProperties kafka;
    private final GatewayConfig config;

    public GatewayTopics(KafkaClientProperties kafka, GatewayConfig config) {
        this.kafka = kafka;
        this.config = config;
    }

    /** Creates the missing topics; blocks until the broker answered. */
    public void ensureExist() {
        try (Admin admin = Admin.create(kafka.admin())) {
            KafkaTopics.ensureExist(admin, ALL, config.kafka().replicationFactor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating Kafka topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer while creating topics " + ALL, e);
        }
    }
}
