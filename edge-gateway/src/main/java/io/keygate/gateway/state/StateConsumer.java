package io.keygate.gateway.state;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.keygate.events.EventCodec;
import io.keygate.events.Topic;
import io.keygate.gateway.config.GatewayConfig;
import io.keygate.gateway.kafka.GatewayTopics;
import io.keygate.gateway.kafka.KafkaClientProperties;
import io.keygate.gateway.metrics.GatewayMetrics;
import io.keygate.gateway.state.decode.DecodedKeyEvent;
import io.keygate.gateway.state.decode.TokenEventDecoder;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Builds the gateway's state from the token and policy topics on one dedicated thread. It reads every
 * partition from the beginning without a consumer group (each gateway needs the full state), publishes
 * its progress after each poll, and declares the state {@linkplain ConsumerPhase#LIVE live} once it
 * reached the end offsets it saw at start. Any error it cannot skip stops it in
 * {@linkplain ConsumerPhase#FAILED failed}: the gateway then reports not ready rather than serve from a
 * state that no longer follows revocations.
 *
 * <p>Records are read as bytes: API-key events, the bulk of a cold start, go through the {@link TokenEventDecoder}
 * straight into the token index; every other record, and any the decoder does not read, through the CloudEvents SDK
 * and {@link EventCodec}.
 */
@ApplicationScoped
public class StateConsumer {

    /** Name of the consumer thread. */
    public static final String THREAD_NAME = "GatewayStateConsumer";

    private static final Logger LOG = Logger.getLogger(StateConsumer.class);
    private static final Duration PARTITION_DISCOVERY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaClientProperties kafka;
    private final GatewayState state;
    private final GatewayMetrics metrics;
    private final Duration pollTimeout;
    private final EventCodec codec = new EventCodec();
    private final CloudEventDeserializer cloudEvents = new CloudEventDeserializer();
    private final TokenEventDecoder tokenEvents = new TokenEventDecoder();
    private final StateApplier applier;
    private final StateFreshness freshness;
    private final AppliedPositions appliedPositions;
    private final Duration freshnessCheckTimeout;
    private final long partitionCheckIntervalNanos;
    /** The partitions the consumer reads; grows when a state topic gains partitions. Consumer thread only. */
    private List<TopicPartition> partitions = List.of();

    private long nextPartitionCheckNanos;

    private volatile boolean running;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    public StateConsumer(
            KafkaClientProperties kafka,
            GatewayState state,
            GatewayMetrics metrics,
            GatewayConfig config,
            StateFreshness freshness,
            AppliedPositions appliedPositions) {
        this.kafka = kafka;
        this.freshness = freshness;
        this.appliedPositions = appliedPositions;
        this.freshnessCheckTimeout = config.gateway().state().freshnessCheckInterval();
        this.partitionCheckIntervalNanos =
                config.gateway().state().partitionCheckInterval().toNanos();
        this.state = state;
        this.metrics = metrics;
        this.pollTimeout = config.gateway().state().pollTimeout();
        this.applier = new StateApplier(
                state.tokens(), state.routes(), state.subscriptions(), state.ipRules(), state.plans(), state.jwt());
    }

    /** Starts the consumer thread; returns at once (readiness tells when the state is complete). */
    public synchronized void start() {
        running = true;
        thread = new Thread(this::run, THREAD_NAME);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the consumer thread and waits for it. */
    public synchronized void stop() throws InterruptedException {
        running = false;
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(STOP_TIMEOUT.toMillis());
        }
    }

    private void run() {
        try (KafkaConsumer<byte[], byte[]> kafkaConsumer = new KafkaConsumer<>(kafka.stateConsumer())) {
            consumer = kafkaConsumer;
            partitions = assignAll(kafkaConsumer);
            kafkaConsumer.seekToBeginning(partitions);
            nextPartitionCheckNanos = System.nanoTime() + partitionCheckIntervalNanos;
            // The end offsets at start are the first freshness check: reaching them proves the state fresh.
            long requestedAt = freshness.checkStarting();
            Map<String, Long> endAtStart = byName(kafkaConsumer.endOffsets(partitions));
            freshness.awaitPositions(endAtStart, requestedAt);
            state.publish(new StateProgress(ConsumerPhase.CATCHING_UP, endAtStart, Map.of(), sum(endAtStart)));
            LOG.infof("Reading state from %s up to end offsets %s", GatewayTopics.STATE, endAtStart);
            long startedNanos = System.nanoTime();
            while (running) {
                pollOnce(kafkaConsumer, startedNanos);
            }
            state.publish(state.progress().inPhase(ConsumerPhase.STOPPED));
        } catch (WakeupException e) {
            state.publish(state.progress().inPhase(running ? ConsumerPhase.FAILED : ConsumerPhase.STOPPED));
        } catch (RuntimeException | Error e) {
            state.publish(state.progress().inPhase(ConsumerPhase.FAILED));
            LOG.error("State consumer stopped: token and policy events are no longer applied; readiness is DOWN", e);
        } finally {
            consumer = null;
        }
    }

    private void pollOnce(KafkaConsumer<byte[], byte[]> kafkaConsumer, long startedNanos) {
        ConsumerRecords<byte[], byte[]> records = kafkaConsumer.poll(pollTimeout);
        for (ConsumerRecord<byte[], byte[]> record : records) {
            applyRecord(record);
        }
        applier.commit();
        publishProgress(kafkaConsumer, partitions, startedNanos);
        if (System.nanoTime() - nextPartitionCheckNanos >= 0) {
            nextPartitionCheckNanos = System.nanoTime() + partitionCheckIntervalNanos;
            addNewPartitions(kafkaConsumer);
        }
        if (freshness.isCheckDue()) {
            checkFreshness(kafkaConsumer, partitions);
        }
    }

    /**
     * Reads partitions a state topic gained since they were assigned, from their beginning. Freshness is proven
     * against the end offsets of every assigned partition, so until a new partition is read up to its end the state
     * does not count as fresh. The broker's current metadata is asked for ({@code listTopics}); the consumer's own
     * would learn of new partitions only at its next refresh, minutes later.
     */
    private void addNewPartitions(KafkaConsumer<byte[], byte[]> kafkaConsumer) {
        Map<String, List<PartitionInfo>> topics;
        try {
            topics = kafkaConsumer.listTopics(freshnessCheckTimeout);
        } catch (WakeupException | InterruptException e) {
            throw e;
        } catch (KafkaException e) {
            LOG.debugf("Partition check failed: %s", e.toString());
            return;
        }
        List<TopicPartition> added = new ArrayList<>();
        for (Topic topic : GatewayTopics.STATE) {
            for (PartitionInfo info : topics.getOrDefault(topic.topicName(), List.of())) {
                TopicPartition partition = new TopicPartition(info.topic(), info.partition());
                if (!partitions.contains(partition)) {
                    added.add(partition);
                }
            }
        }
        if (added.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> beginnings;
        try {
            // Explicit positions: a partition left to the offset reset would make position() block in a later poll.
            beginnings = kafkaConsumer.beginningOffsets(added, freshnessCheckTimeout);
        } catch (WakeupException | InterruptException e) {
            throw e;
        } catch (KafkaException e) {
            LOG.debugf("New partitions %s not added yet: %s", added, e.toString());
            return;
        }
        List<TopicPartition> all = new ArrayList<>(partitions);
        all.addAll(added);
        kafkaConsumer.assign(all);
        beginnings.forEach(kafkaConsumer::seek);
        partitions = List.copyOf(all);
        LOG.infof("State topics gained partitions %s; reading them from the beginning", added);
    }

    /**
     * Asks the broker for its end offsets: once the positions reach them, the state is proven fresh as of the
     * moment of asking. During an outage the request times out, nothing is proven, and staleness grows.
     */
    private void checkFreshness(KafkaConsumer<byte[], byte[]> kafkaConsumer, List<TopicPartition> partitions) {
        long requestedAt = freshness.checkStarting();
        try {
            freshness.awaitPositions(byName(kafkaConsumer.endOffsets(partitions, freshnessCheckTimeout)), requestedAt);
        } catch (WakeupException | InterruptException e) {
            throw e;
        } catch (KafkaException e) {
            // Unanswered (timeout) or refused (broker restarting): nothing proven, so staleness keeps growing.
            LOG.debugf("Freshness check failed: %s", e.toString());
        }
    }

    private void applyRecord(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return; // A tombstone: no event type deletes state yet.
        }
        DecodedKeyEvent keyEvent = tokenEvents.decode(record.headers(), record.value());
        if (keyEvent != null) {
            count(applier.applyKey(keyEvent.key(), keyEvent.sequence()), null);
            return;
        }
        CloudEvent event;
        try {
            event = cloudEvents.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            // Not a CloudEvent at all: skip the record, never stop the state.
            metrics.eventUnreadable();
            LOG.warnf(
                    "Skipped a record that is not a CloudEvent at %s-%d@%d: %s",
                    record.topic(), record.partition(), record.offset(), e.getMessage());
            return;
        }
        try {
            count(applier.apply(codec.fromCloudEvent(event)), event);
        } catch (RuntimeException e) {
            // Logged without the payload, which is not ours to copy into logs.
            metrics.eventUnreadable();
            LOG.warnf(
                    "Skipped unreadable event %s at %s-%d@%d: %s",
                    event.getType(), record.topic(), record.partition(), record.offset(), e.getMessage());
        }
    }

    private void count(ApplyResult result, CloudEvent event) {
        switch (result) {
            case APPLIED -> metrics.eventApplied();
            case STALE -> metrics.eventStale();
            case IGNORED -> LOG.debugf("Ignored event type %s", event.getType());
        }
    }

    private void publishProgress(
            KafkaConsumer<byte[], byte[]> kafkaConsumer, List<TopicPartition> partitions, long startedNanos) {
        StateProgress previous = state.progress();
        Map<String, Long> positions = new HashMap<>();
        Map<TopicPartition, Long> byPartition = new HashMap<>();
        long lag = 0;
        for (TopicPartition partition : partitions) {
            long position = kafkaConsumer.position(partition);
            positions.put(partition.toString(), position);
            byPartition.put(partition, position);
            OptionalLong current = kafkaConsumer.currentLag(partition);
            lag += current.isPresent()
                    ? current.getAsLong()
                    : Math.max(0, previous.endOffsetsAtStart().getOrDefault(partition.toString(), 0L) - position);
        }
        appliedPositions.update(byPartition, Instant.now());
        // Before the phase can turn LIVE, so a ready state always has a freshness.
        freshness.positionsReached(positions);
        ConsumerPhase phase = previous.phase();
        if (phase == ConsumerPhase.CATCHING_UP && StateProgress.reachedEnd(previous.endOffsetsAtStart(), positions)) {
            phase = ConsumerPhase.LIVE;
            LOG.infof(
                    "State caught up in %d ms: %d keys, %d routes; serving requests",
                    (System.nanoTime() - startedNanos) / 1_000_000,
                    state.tokens().size(),
                    state.routes().size());
        }
        if (phase != previous.phase() || lag != previous.lag() || !positions.equals(previous.positions())) {
            state.publish(new StateProgress(phase, previous.endOffsetsAtStart(), positions, lag));
        }
    }

    private static List<TopicPartition> assignAll(KafkaConsumer<byte[], byte[]> kafkaConsumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (Topic topic : GatewayTopics.STATE) {
            partitions.addAll(partitionsOf(kafkaConsumer, topic.topicName()));
        }
        kafkaConsumer.assign(partitions);
        return partitions;
    }

    private static List<TopicPartition> partitionsOf(KafkaConsumer<byte[], byte[]> kafkaConsumer, String topic) {
        long deadline = System.nanoTime() + PARTITION_DISCOVERY_TIMEOUT.toNanos();
        while (true) {
            List<PartitionInfo> infos = kafkaConsumer.partitionsFor(topic);
            if (infos != null && !infos.isEmpty()) {
                return infos.stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition()))
                        .toList();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "Topic " + topic + " has no partitions after " + PARTITION_DISCOVERY_TIMEOUT);
            }
            // A topic created a moment ago may not be in the metadata yet.
            pause(Duration.ofMillis(100));
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while discovering partitions", e);
        }
    }

    private static Map<String, Long> byName(Map<TopicPartition, Long> offsets) {
        Map<String, Long> named = new HashMap<>();
        offsets.forEach((partition, offset) -> named.put(partition.toString(), offset));
        return named;
    }

    private static long sum(Map<String, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }
}
