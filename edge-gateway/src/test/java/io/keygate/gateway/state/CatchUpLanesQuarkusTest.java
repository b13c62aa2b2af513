package io.keygate.gateway.state;

import static io.keygate.gateway.testdata.ApiKeyBuilder.anApiKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.keygate.events.EventCodec;
import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.keygate.events.Topic;
import io.keygate.events.token.ApiKeyIssued;
import io.keygate.events.token.ApiKeyRevoked;
import io.keygate.events.token.ApiKeyState;
import io.keygate.events.token.ApiKeyStatus;
import io.keygate.gateway.testdata.ApiKeyBuilder;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.Testkit;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * A burst of key events, as a cold start's catch-up reads them, arrives in large poll batches that are decoded and
 * applied in parallel lanes: every key ends in its last state (issued, then revoked for half of them), exactly as one
 * thread would have left it.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
class CatchUpLanesQuarkusTest {

    private static final int KEYS = 3000;
    private static final EventCodec CODEC = new EventCodec();

    @Inject
    GatewayState state;

    @Inject
    MeterRegistry registry;

    @Test
    void aBurstOfKeyEventsIsAppliedInLanesToTheSameFinalState() {
        String tenant = "lanes-" + UUID.randomUUID();
        List<ApiKeyState> keys = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) {
            keys.add(anApiKey()
                    .ofTenant(tenant)
                    .withHash("lanes-hash-" + UUID.randomUUID())
                    .build());
        }
        double lanesBefore = lanes();
        try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", Testkit.kafka().bootstrapServers(), "acks", "all", "linger.ms", 20),
                new StringSerializer(),
                new CloudEventSerializer())) {
            for (ApiKeyState key : keys) {
                send(producer, 1, new ApiKeyIssued(key));
            }
            for (ApiKeyState key : keys.subList(0, KEYS / 2)) {
                send(
                        producer,
                        2,
                        new ApiKeyRevoked(
                                ApiKeyBuilder.from(key).revoked("burst").build(), "burst"));
            }
            producer.flush();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (int i = 0; i < KEYS; i++) {
                GatewayKey applied = state.tokens().find(keys.get(i).keyHash());
                assertThat(applied).as("key %d", i).isNotNull();
                assertThat(applied.status())
                        .as("key %d", i)
                        .isEqualTo(i < KEYS / 2 ? ApiKeyStatus.REVOKED : ApiKeyStatus.ACTIVE);
            }
        });
        assertThat(lanes()).as("batches applied in lanes").isGreaterThan(lanesBefore);
    }

    private double lanes() {
        return registry.counter("keygate.gateway.state.batches.lanes").count();
    }

    private static void send(KafkaProducer<String, CloudEvent> producer, long sequence, KeygateEvent event) {
        EventEnvelope<KeygateEvent> envelope =
                EventEnvelope.create("/test", sequence, Instant.now(), "test", null, event);
        producer.send(new ProducerRecord<>(Topic.TOKENS.topicName(), envelope.subject(), CODEC.toCloudEvent(envelope)));
    }
}
