package io.keygate.access.session;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.keygate.access.AccessConfig;
import io.keygate.events.EventCodec;
import io.keygate.events.KeygateEvent;
import io.keygate.events.Topic;
import io.keygate.events.signing.SigningKeyPublished;
import io.keygate.events.signing.SigningKeyRetired;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Keeps {@link AccessState} current from Kafka on one thread of its own: every signing key from the start of
 * {@code keygate.signing-keys}, and the sessions ended in the last {@link AccessConfig#sessionLookback()} from
 * {@code keygate.identities}. Every instance reads everything (its own group, nothing committed): each one verifies
 * on its own.
 */
@ApplicationScoped
public class AccessStateConsumer {

    private static final Logger LOG = Logger.getLogger(AccessStateConsumer.class);

    private final AccessState state;
    private final AccessConfig config;
    private final IdentityEventHandler identityEvents;
    private final EventCodec codec = new EventCodec();
    private final Clock clock = Clock.systemUTC();
    private final Map<TopicPartition, Long> keyEndOffsets = new HashMap<>();
    private volatile KafkaConsumer<String, CloudEvent> consumer;
    private boolean assigned;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private Thread thread;

    AccessStateConsumer(AccessState state, AccessConfig config, IdentityEventHandler identityEvents) {
        this.state = state;
        this.config = config;
        this.identityEvents = identityEvents;
    }

    void start(@Observes StartupEvent startup) throws InterruptedException {
        consumer = new KafkaConsumer<>(properties());
        consumer.subscribe(List.of(Topic.SIGNING_KEYS.topicName(), Topic.IDENTITIES.topicName()), new Positions());
        thread = new Thread(this::run, "keygate-access-state");
        thread.setDaemon(true);
        thread.start();
        if (!caughtUp.await(config.startupWait().toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warnf("Signing keys not read within %s: not ready until they are", config.startupWait());
        }
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        if (consumer != null) {
            consumer.wakeup();
            thread.join(5_000);
        }
    }

    private void run() {
        try (KafkaConsumer<String, CloudEvent> kafka = consumer) {
            Instant lastPrune = clock.instant();
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, CloudEvent> record : kafka.poll(Duration.ofMillis(500))) {
                    apply(record);
                }
                checkCaughtUp(kafka);
                Instant now = clock.instant();
                if (now.isAfter(lastPrune.plusSeconds(60))) {
                    state.endedSessions().forgetExpired(now);
                    lastPrune = now;
                }
            }
        } catch (WakeupException stopping) {
            LOG.debug("Access state consumer stopped");
        } catch (RuntimeException e) {
            LOG.errorf(e, "Access state consumer failed; session checks keep the state they had");
        }
    }

    private void apply(ConsumerRecord<String, CloudEvent> record) {
        if (record.value() == null) {
            return;
        }
        try {
            if (record.topic().equals(Topic.SIGNING_KEYS.topicName())) {
                KeygateEvent event = codec.fromCloudEvent(record.value()).data();
                if (event instanceof SigningKeyPublished published) {
                    state.signingKeys().apply(published.key());
                } else if (event instanceof SigningKeyRetired retired) {
                    state.signingKeys().apply(retired.key());
                }
            } else {
                identityEvents.apply(record.value(), state.endedSessions());
            }
        } catch (RuntimeException e) {
            LOG.warnf(
                    "Skipped unreadable record %s-%d@%d: %s",
                    record.topic(), record.partition(), record.offset(), e.getMessage());
        }
    }

    private void checkCaughtUp(KafkaConsumer<String, CloudEvent> kafka) {
        if (state.isCaughtUp() || !assigned) {
            return;
        }
        for (Map.Entry<TopicPartition, Long> end : keyEndOffsets.entrySet()) {
            if (kafka.position(end.getKey()) < end.getValue()) {
                return;
            }
        }
        state.markCaughtUp();
        caughtUp.countDown();
        LOG.infof("Access state caught up: %d signing keys", state.signingKeys().size());
    }

    private Map<String, Object> properties() {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "keygate-access-" + config.service() + "-" + UUID.randomUUID());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "keygate-access-" + config.service());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Topics are created with their contract settings by the services that write them, never by a reader.
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5_000);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class.getName());
        return props;
    }

    /** Where each assigned partition starts: keys from the beginning, identities from the lookback. */
    private final class Positions implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            Map<TopicPartition, Long> since = new HashMap<>();
            long from = clock.instant().minus(config.sessionLookback()).toEpochMilli();
            for (TopicPartition partition : partitions) {
                if (partition.topic().equals(Topic.SIGNING_KEYS.topicName())) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    since.put(partition, from);
                }
            }
            for (Map.Entry<TopicPartition, OffsetAndTimestamp> found :
                    consumer.offsetsForTimes(since).entrySet()) {
                if (found.getValue() == null) {
                    consumer.seekToEnd(List.of(found.getKey()));
                } else {
                    consumer.seek(found.getKey(), found.getValue().offset());
                }
            }
            List<TopicPartition> keyPartitions = partitions.stream()
                    .filter(partition -> partition.topic().equals(Topic.SIGNING_KEYS.topicName()))
                    .toList();
            consumer.endOffsets(keyPartitions).forEach(keyEndOffsets::putIfAbsent);
            assigned = true;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // One member per group: nothing to hand over.
        }
    }
}
