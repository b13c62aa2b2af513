package io.keygate.gateway.support;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.keygate.events.Topic;
import io.keygate.testkit.Testkit;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads {@code keygate.calls} from the beginning and finds call records by correlation (request) id. */
public final class CallRecordReader implements AutoCloseable {

    private final KafkaConsumer<String, CloudEvent> consumer;
    private final Map<String, ConsumerRecord<String, CloudEvent>> byCorrelationId = new HashMap<>();

    private CallRecordReader(KafkaConsumer<String, CloudEvent> consumer) {
        this.consumer = consumer;
    }

    public static CallRecordReader fromBeginning() {
        KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Testkit.kafka().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class.getName()));
        List<TopicPartition> partitions = consumer.partitionsFor(Topic.CALLS.topicName()).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return new CallRecordReader(consumer);
    }

    /** Polls once and returns the record of request {@code requestId} if it has arrived. */
    public Optional<ConsumerRecord<String, CloudEvent>> find(String requestId) {
        for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(200))) {
            Object correlation = record.value().getExtension("correlationid");
            if (correlation != null) {
                byCorrelationId.put(correlation.toString(), record);
            }
        }
        return Optional.ofNullable(byCorrelationId.get(requestId));
    }

    @Override
    public void close() {
        consumer.close();
    }
}
