package io.keygate.gateway.watermark;

import static io.keygate.gateway.testdata.ApiKeyBuilder.anApiKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.kafka.CloudEventDeserializer;
import io.keygate.events.EventCodec;
import io.keygate.events.Topic;
import io.keygate.events.gateway.AppliedPosition;
import io.keygate.events.gateway.GatewayWatermarkPublished;
import io.keygate.events.token.ApiKeyIssued;
import io.keygate.events.token.ApiKeyState;
import io.keygate.gateway.config.GatewayConfig;
import io.keygate.gateway.state.GatewayState;
import io.keygate.gateway.support.StateEvents;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.Testkit;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
class WatermarkPublisherQuarkusTest {

    private static final EventCodec CODEC = new EventCodec();

    @Inject
    GatewayState state;

    @Inject
    GatewayConfig config;

    @Test
    void watermarkCarriesThePositionsAppliedOnEveryTokensPartitionKeyedByGatewayId() {
        await().atMost(Duration.ofSeconds(60)).until(state::isReady);
        ApiKeyState key = anApiKey().build();
        Instant beforeIssue = Instant.now();
        try (StateEvents events = StateEvents.connect()) {
            events.publish(1, new ApiKeyIssued(key));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> state.tokens().find(key.keyHash()) != null);
        long appliedTotal = appliedOnTokens();

        GatewayWatermarkPublished watermark = await().atMost(Duration.ofSeconds(20))
                .until(
                        this::latestWatermark,
                        found -> found.isPresent() && total(found.get().positions()) >= appliedTotal)
                .orElseThrow();

        assertThat(watermark.gatewayId()).isEqualTo(config.gateway().id());
        assertThat(watermark.positions())
                .extracting(AppliedPosition::topic)
                .containsOnly(Topic.TOKENS.topicName())
                .hasSize(Topic.TOKENS.partitions());
        assertThat(watermark.positions())
                .filteredOn(position -> position.position() > 0)
                .allSatisfy(position -> assertThat(position.appliedAt()).isBeforeOrEqualTo(watermark.publishedAt()));
        assertThat(watermark.positions())
                .as("the partition that got the key moved after it was published")
                .anySatisfy(position -> assertThat(position.appliedAt()).isAfterOrEqualTo(beforeIssue));
    }

    private long appliedOnTokens() {
        return state.progress().positions().entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(Topic.TOKENS.topicName() + "-"))
                .mapToLong(entry -> entry.getValue())
                .sum();
    }

    private static long total(List<AppliedPosition> positions) {
        return positions.stream().mapToLong(AppliedPosition::position).sum();
    }

    private Optional<GatewayWatermarkPublished> latestWatermark() {
        return Testkit.kafka()
                .readAll(Topic.GATEWAY_WATERMARKS.topicName(), new StringDeserializer(), new CloudEventDeserializer())
                .stream()
                .filter(record -> config.gateway().id().equals(record.key()))
                .map(record -> (GatewayWatermarkPublished)
                        CODEC.fromCloudEvent(record.value()).data())
                .reduce((first, second) -> second);
    }
}
