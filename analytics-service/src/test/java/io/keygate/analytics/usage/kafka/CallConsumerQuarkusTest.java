package io.keygate.analytics.usage.kafka;

import static io.keygate.analytics.usage.SampleCalls.call;
import static io.keygate.analytics.usage.SampleCalls.envelope;
import static io.keygate.analytics.usage.SampleCalls.uniqueKey;
import static io.keygate.analytics.usage.SampleCalls.uniqueTenant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import io.keygate.analytics.rollup.CallWindow;
import io.keygate.analytics.rollup.store.BatchCount;
import io.keygate.analytics.rollup.store.RollupStore;
import io.keygate.events.EventCodec;
import io.keygate.events.EventEnvelope;
import io.keygate.events.Topic;
import io.keygate.events.call.CallRecorded;
import io.keygate.events.testing.TestEventPublisher;
import io.keygate.events.token.ApiKeyIssued;
import io.keygate.events.token.ApiKeyState;
import io.keygate.events.token.ApiKeyStatus;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.keygate.testkit.Testkit;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class CallConsumerQuarkusTest {

    private static final Duration PROPAGATION = Duration.ofSeconds(30);
    private static final Instant M0 = Instant.parse("2026-11-29T10:00:00Z");
    private static final Instant M3 = M0.plus(3, ChronoUnit.MINUTES);
    private static final int[] STATUSES = {200, 200, 201, 204, 401, 404, 500, 502};

    @Inject
    RollupStore store;

    private final TestEventPublisher producer =
            new TestEventPublisher(Testkit.kafka().bootstrapServers());
    private final String tenant = uniqueTenant();
    private final String keyA = uniqueKey();
    private final String keyB = uniqueKey();

    @AfterEach
    void closeProducer() {
        producer.close();
    }

    @Test
    void callsOfTwoKeysOverThreeMinutesAreCountedExactlyPerMinute() {
        List<EventEnvelope<CallRecorded>> calls = generate(120, new Random(42));
        calls.forEach(producer::send);

        awaitTotal(keyA, M0, M3, count(calls, keyA));
        awaitTotal(keyB, M0, M3, count(calls, keyB));

        assertReportMatches(keyA, calls);
        assertReportMatches(keyB, calls);
    }

    @Test
    void replayingRecordsAlreadyCountedAddsNothing() {
        List<EventEnvelope<CallRecorded>> calls = generate(40, new Random(7));
        calls.forEach(producer::send);
        awaitTotal(keyA, M0, M3, count(calls, keyA));
        awaitTotal(keyB, M0, M3, count(calls, keyB));

        // The same records at the same offsets, as a consumer restarted from older committed offsets (or another
        // instance during a rebalance) reads them: their partitions' watermarks are past them.
        CallWindow replay = CallTopicReader.replay(call -> tenant.equals(call.tenantId()));
        assertThat(replay.calls()).hasSize(calls.size());
        BatchCount count = store.count(replay).await().atMost(PROPAGATION);

        assertThat(count.freshCalls()).isEmpty();
        assertReportMatches(keyA, calls);
        assertReportMatches(keyB, calls);
    }

    @Test
    void unreadableRecordsAndCallsWithoutATenantAreCountedInMetricsAndDoNotBlock() {
        double unreadable = metric("keygate_analytics_records_unreadable_total");
        double generally = metric("keygate_analytics_records_decoded_generally_total");
        double withoutTenant = metric("keygate_analytics_calls_without_tenant_total");
        producer.sendRaw(Topic.CALLS, keyA, "garbage".getBytes(StandardCharsets.UTF_8));
        ApiKeyState key =
                new ApiKeyState(keyA, tenant, "k", "kg…", "hash", List.of(), ApiKeyStatus.ACTIVE, M0, null, null, null);
        producer.send(
                Topic.CALLS,
                keyA,
                new EventCodec()
                        .toCloudEvent(
                                EventEnvelope.create("/token-service", 1, M0, null, null, new ApiKeyIssued(key))));
        producer.send(envelope(call(null, null, M0, 404, 0, 0)));
        producer.send(envelope(call(tenant, keyA, M0, 200, 0, 0)));

        awaitTotal(keyA, M0, M3, 1);
        assertThat(metric("keygate_analytics_records_unreadable_total") - unreadable)
                .isEqualTo(2);
        // The two unreadable records went the general way; the two call records (in the gateways' shape) did not.
        assertThat(metric("keygate_analytics_records_decoded_generally_total") - generally)
                .isEqualTo(2);
        await().atMost(PROPAGATION)
                .untilAsserted(() -> assertThat(metric("keygate_analytics_calls_without_tenant_total") - withoutTenant)
                        .isEqualTo(1));
    }

    @Test
    void readinessCoversKafkaAndTheDatabaseAndMetricsAndOpenApiAnswer() {
        await().atMost(PROPAGATION)
                .untilAsserted(() -> given().get("/q/health/ready")
                        .then()
                        .statusCode(200)
                        .body("checks.name", hasItem(containsString("Kafka")))
                        .body("checks.name", hasItem(containsString("PostgreSQL")))
                        .body("checks.name", hasItem(containsString("Messaging"))));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }

    /** Calls spread over the three minutes from M0, for two keys, with a mix of statuses and sizes. */
    private List<EventEnvelope<CallRecorded>> generate(int n, Random random) {
        List<EventEnvelope<CallRecorded>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String key = random.nextBoolean() ? keyA : keyB;
            Instant at = M0.plusMillis(random.nextInt(180_000));
            calls.add(envelope(call(
                    tenant,
                    key,
                    at,
                    STATUSES[random.nextInt(STATUSES.length)],
                    random.nextInt(5000),
                    random.nextInt(50_000))));
        }
        return calls;
    }

    private void assertReportMatches(String keyId, List<EventEnvelope<CallRecorded>> calls) {
        Map<Instant, long[]> expected = new TreeMap<>();
        for (EventEnvelope<CallRecorded> envelope : calls) {
            CallRecorded call = envelope.data();
            if (call.keyId().equals(keyId)) {
                long[] sums =
                        expected.computeIfAbsent(call.receivedAt().truncatedTo(ChronoUnit.MINUTES), m -> new long[4]);
                sums[0]++;
                sums[1] += call.status() >= 400 ? 1 : 0;
                sums[2] += call.bytesIn();
                sums[3] += call.bytesOut();
            }
        }
        JsonPath report = report(keyId, M0, M3);
        assertThat(report.<String>getList("minutes.minute"))
                .containsExactlyElementsOf(
                        expected.keySet().stream().map(Instant::toString).toList());
        assertThat(report.getList("minutes.calls", Long.class)).containsExactlyElementsOf(column(expected, 0));
        assertThat(report.getList("minutes.errors", Long.class)).containsExactlyElementsOf(column(expected, 1));
        assertThat(report.getList("minutes.bytesIn", Long.class)).containsExactlyElementsOf(column(expected, 2));
        assertThat(report.getList("minutes.bytesOut", Long.class)).containsExactlyElementsOf(column(expected, 3));
        assertThat(report.getLong("totalCalls"))
                .isEqualTo(
                        column(expected, 0).stream().mapToLong(Long::longValue).sum());
        assertThat(report.getLong("totalErrors"))
                .isEqualTo(
                        column(expected, 1).stream().mapToLong(Long::longValue).sum());
    }

    private static List<Long> column(Map<Instant, long[]> sums, int index) {
        return sums.values().stream().map(s -> s[index]).toList();
    }

    private static long count(List<EventEnvelope<CallRecorded>> calls, String keyId) {
        return calls.stream().filter(c -> keyId.equals(c.data().keyId())).count();
    }

    private void awaitTotal(String keyId, Instant from, Instant to, long total) {
        await().atMost(PROPAGATION)
                .untilAsserted(() -> assertThat(report(keyId, from, to).getLong("totalCalls"))
                        .isEqualTo(total));
    }

    private JsonPath report(String keyId, Instant from, Instant to) {
        return given().queryParam("tenantId", tenant)
                .queryParam("from", from.toString())
                .queryParam("to", to.toString())
                .get("/reports/keys/{keyId}/usage", keyId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static double metric(String name) {
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? (\\S+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(2)) : 0;
    }
}
