package io.keygate.analytics.usage.kafka;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.keygate.analytics.rollup.CallWindow;
import io.keygate.analytics.rollup.ConsumedCall;
import io.keygate.events.EventCodec;
import io.keygate.events.KeygateEvent;
import io.keygate.events.Topic;
import io.keygate.events.call.CallRecorded;
import io.keygate.testkit.Testkit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the calls topic again from its start, as a consumer restarted from older offsets (or another instance after a
 * rebalance) would: the same records at the same offsets, for replaying them into the store.
 */
public final class CallTopicReader {

    private CallTopicReader() {}

    /** A window of the call records on the topic that {@code which} selects, with their partitions and offsets. */
    public static CallWindow replay(Predicate<CallRecorded> which) {
        EventCodec codec = new EventCodec();
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Testkit.kafka().bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class.getName());
        List<ConsumedCall> calls = new ArrayList<>();
        Map<Integer, Long> nextOffsets = new HashMap<>();
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < Topic.CALLS.partitions(); p++) {
                partitions.add(new TopicPartition(Topic.CALLS.topicName(), p));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(500))) {
                    CallRecorded call = callOrNull(codec, record);
                    if (call != null && which.test(call)) {
                        calls.add(new ConsumedCall(record.partition(), record.offset(), call));
                        nextOffsets.merge(record.partition(), record.offset() + 1, Math::max);
                    }
                }
            }
        }
        return new CallWindow(Topic.CALLS.topicName(), calls, nextOffsets, List.of());
    }

    private static CallRecorded callOrNull(EventCodec codec, ConsumerRecord<String, CloudEvent> record) {
        if (record.value() == null) {
            return null;
        }
        try {
            KeygateEvent event = codec.fromCloudEvent(record.value()).data();
            return event instanceof CallRecorded call ? call : null;
        } catch (RuntimeException e) {
            return null; // Other tests' unreadable records.
        }
    }
}
