package io.keygate.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    @Test
    void recordSentIsReadBackAndStoppingRemovesTheData() throws Exception {
        KafkaBroker broker = KafkaBroker.start();
        String topic = "testkit-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            try (var producer =
                    new KafkaProducer<>(producerProperties(broker), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(topic, "k", "hello")).get();
            }
            try (var consumer = new KafkaConsumer<>(
                    consumerProperties(broker), new StringDeserializer(), new StringDeserializer())) {
                TopicPartition partition = new TopicPartition(topic, 0);
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofSeconds(10));
                assertThat(records).extracting(r -> r.value()).containsExactly("hello");
            }
        } finally {
            broker.close();
        }
        assertThat(broker.isRunning()).isFalse();
        assertThat(RunDirectory.ROOT.toFile().list((dir, name) -> name.startsWith("kafka-")))
                .as("no broker directory of this JVM is left")
                .allSatisfy(name -> assertOwnedByOtherJvm(name));
    }

    @Test
    void stoppedBrokerRestartsOnItsPortWithItsRecords() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start()) {
            String topic = "testkit-restart-" + UUID.randomUUID();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)))
                        .all()
                        .get();
            }
            try (var producer =
                    new KafkaProducer<>(producerProperties(broker), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(topic, "k", "before")).get();
            }
            int port = broker.port();

            broker.stop();
            assertThat(broker.isRunning()).isFalse();
            broker.restart();

            assertThat(broker.isRunning()).isTrue();
            assertThat(broker.port()).isEqualTo(port);
            try (var producer =
                    new KafkaProducer<>(producerProperties(broker), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(topic, "k", "after")).get();
            }
            assertThat(broker.readAll(topic, new StringDeserializer(), new StringDeserializer()))
                    .extracting(r -> r.value())
                    .containsExactly("before", "after");
        }
    }

    private static void assertOwnedByOtherJvm(String name) throws Exception {
        var owner = RunDirectory.ROOT.resolve(name).resolve("owner.pid");
        if (java.nio.file.Files.exists(owner)) {
            assertThat(java.nio.file.Files.readString(owner).trim())
                    .isNotEqualTo(Long.toString(ProcessHandle.current().pid()));
        }
    }

    private static Properties producerProperties(KafkaBroker broker) {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", broker.bootstrapServers());
        properties.put("acks", "all");
        return properties;
    }

    private static Properties consumerProperties(KafkaBroker broker) {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", broker.bootstrapServers());
        properties.put("enable.auto.commit", "false");
        return properties;
    }
}
