package io.keygate.events;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the contract's topics with their contract settings when they do not exist yet. Every service
 * calls it at start for the topics it reads or writes, so start order does not matter and no topic is
 * ever auto-created with broker defaults.
 */
public final class KafkaTopics {

    /** Compacted topics keep every record at least this long, so audit never misses an event (7 days). */
    public static final long MIN_COMPACTION_LAG_MS = 7L * 24 * 60 * 60 * 1000;
    /** Call records are kept this long on the topic (7 days); analytics and audit keep their own copies. */
    public static final long CALLS_RETENTION_MS = 7L * 24 * 60 * 60 * 1000;

    private KafkaTopics() {}

    /**
     * Creates the missing topics among {@code topics}.
     *
     * @param replicationFactor 3 in production; 1 on a single-broker development cluster
     */
    public static void ensureExist(Admin admin, Collection<Topic> topics, short replicationFactor)
            throws InterruptedException, TimeoutException {
        try {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(topic -> !existing.contains(topic.topicName()))
                    .map(topic -> newTopic(topic, replicationFactor))
                    .toList();
            if (missing.isEmpty()) {
                return;
            }
            for (var result : admin.createTopics(missing).values().values()) {
                try {
                    result.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot create Kafka topics " + topics, e.getCause());
        }
    }

    /**
     * Creates the missing topics with an Admin client built from a service's Kafka client settings
     * (its consumer group id, if any, is dropped), and fails with an unchecked exception if Kafka does not
     * answer: a service must not start against topics that are not there.
     */
    public static void ensureExist(
            Map<String, Object> kafkaClientConfig, String clientId, Collection<Topic> topics, short replicationFactor) {
        Map<String, Object> adminConfig = new HashMap<>(kafkaClientConfig);
        adminConfig.remove("group.id");
        adminConfig.put("client.id", clientId);
        try (Admin admin = Admin.create(adminConfig)) {
            ensureExist(admin, topics, replicationFactor);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating Kafka topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer while creating topics " + topics, e);
        }
    }

    /** The topic with its contract configuration. */
    public static NewTopic newTopic(Topic topic, short replicationFactor) {
        Map<String, String> config = new HashMap<>();
        config.put("min.insync.replicas", Integer.toString(Math.min(2, replicationFactor)));
        config.put("unclean.leader.election.enable", "false");
        if (topic.isCompacted()) {
            config.put("cleanup.policy", "compact");
            config.put("min.compaction.lag.ms", Long.toString(MIN_COMPACTION_LAG_MS));
        } else {
            config.put("cleanup.policy", "delete");
            config.put("retention.ms", Long.toString(CALLS_RETENTION_MS));
        }
        return new NewTopic(topic.topicName(), topic.partitions(), replicationFactor).configs(config);
    }
}
