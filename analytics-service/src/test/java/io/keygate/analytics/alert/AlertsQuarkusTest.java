package io.keygate.analytics.alert;

import static io.keygate.analytics.alert.AnomalyDetectorTest.burst;
import static io.keygate.analytics.alert.AnomalyDetectorTest.steady;
import static io.keygate.analytics.usage.SampleCalls.envelope;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.keygate.events.EventCodec;
import io.keygate.events.EventEnvelope;
import io.keygate.events.Topic;
import io.keygate.events.alert.AlertAction;
import io.keygate.events.alert.AlertKind;
import io.keygate.events.alert.AlertRaised;
import io.keygate.events.alert.AlertSeverity;
import io.keygate.events.call.CallRecorded;
import io.keygate.events.testing.TestEventPublisher;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.keygate.testkit.Testkit;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Injected anomalies against the real Kafka and PostgreSQL: each raises exactly one alert on keygate.alerts. "Exactly"
 * is checked once every call is counted (alerts commit with the counts of their batch), the outbox is empty (every
 * alert was acknowledged by Kafka) and the alert topic was read to its end.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class AlertsQuarkusTest {

    private static final Duration PROPAGATION = Duration.ofSeconds(60);
    private static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");

    @Inject
    Pool pool;

    private final String tenant = "acme";

    @Test
    void anInjectedSpikeRaisesExactlyOneCriticalAlertWithItsEvidence() {
        String key = "key_" + UUID.randomUUID().toString().replace("-", "");
        List<CallRecorded> calls = new ArrayList<>(steady(key, T0, 60, new Random(5)));
        Instant spike = T0.plusSeconds(600);
        calls.addAll(burst(key, spike, 400, 10_000, 200));
        calls.addAll(steady(key, spike.plusSeconds(30), 30, new Random(6)));

        List<AlertRaised> alerts = publishAndCollect(calls, a -> key.equals(a.keyId()));

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(AlertKind.REQUEST_RATE_SPIKE);
            assertThat(alert.severity()).isEqualTo(AlertSeverity.CRITICAL);
            assertThat(alert.suggestedAction()).isEqualTo(AlertAction.REVOKE_KEY);
            assertThat(alert.windowStart()).isEqualTo(spike);
            assertThat(alert.observed()).isGreaterThanOrEqualTo((long) alert.threshold());
            assertThat(alert.evidence()).contains("calls in 10 s");
        });
        assertThat(metric("keygate_analytics_alerts_raised_total{kind=\"REQUEST_RATE_SPIKE\",severity=\"CRITICAL\"}"))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void anInjectedAuthFailureBurstFromOneAddressRaisesExactlyOneAlert() {
        String ip = "203.0.113." + new Random().nextInt(250);
        List<CallRecorded> calls = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            calls.add(AnomalyDetectorTest.failure(null, ip, T0.plusMillis(i * 300L)));
        }

        List<AlertRaised> alerts = publishAndCollect(calls, a -> ip.equals(a.clientIp()));

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(AlertKind.AUTH_FAILURE_BURST_BY_IP);
            assertThat(alert.suggestedAction()).isEqualTo(AlertAction.BLOCK_IP);
            assertThat(alert.tenantId()).isEqualTo(tenant);
            // Failures without a key are spread over partitions, so the first ones counted need not be the earliest.
            assertThat(alert.windowStart()).isBetween(T0, T0.plusSeconds(45));
            assertThat(alert.observed()).isEqualTo(20);
        });
    }

    /** Sends the calls, waits until all are counted and every stored alert is on Kafka, and reads the alerts. */
    private List<AlertRaised> publishAndCollect(
            List<CallRecorded> calls, java.util.function.Predicate<AlertRaised> mine) {
        long before = total();
        try (TestEventPublisher producer =
                new TestEventPublisher(Testkit.kafka().bootstrapServers())) {
            calls.forEach(call -> producer.send(envelope(call)));
        }
        await().atMost(PROPAGATION)
                .untilAsserted(() -> assertThat(total() - before).isEqualTo(calls.size()));
        await().atMost(PROPAGATION).untilAsserted(() -> assertThat(outboxSize()).isZero());
        return readAlerts().stream().filter(mine).toList();
    }

    private List<AlertRaised> readAlerts() {
        EventCodec codec = new EventCodec();
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Testkit.kafka().bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class.getName());
        List<AlertRaised> alerts = new ArrayList<>();
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < Topic.ALERTS.partitions(); p++) {
                partitions.add(new TopicPartition(Topic.ALERTS.topicName(), p));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(500))) {
                    EventEnvelope<?> envelope = codec.fromCloudEvent(record.value());
                    AlertRaised alert = (AlertRaised) envelope.data();
                    assertThat(envelope.id().toString()).isEqualTo(alert.alertId());
                    alerts.add(alert);
                }
            }
        }
        return alerts;
    }

    private long total() {
        return given().queryParam("tenantId", tenant)
                .queryParam("granularity", "day")
                .queryParam("from", T0.minusSeconds(3600).toString())
                .queryParam("to", T0.plusSeconds(7200).toString())
                .get("/reports/series")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("total.calls");
    }

    private long outboxSize() {
        return pool.query("SELECT count(*) AS n FROM event_outbox")
                .execute()
                .await()
                .atMost(Duration.ofSeconds(10))
                .iterator()
                .next()
                .getLong("n");
    }

    private static double metric(String series) {
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1)))
                .findFirst()
                .orElse(0);
    }
}
