package io.keygate.analytics.report.rest;

import static io.keygate.analytics.usage.SampleCalls.call;
import static io.keygate.analytics.usage.SampleCalls.envelope;
import static io.keygate.analytics.usage.SampleCalls.uniqueKey;
import static io.keygate.analytics.usage.SampleCalls.uniqueTenant;
import static io.keygate.analytics.usage.SampleCalls.withApplication;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.keygate.analytics.Counts;
import io.keygate.analytics.rollup.CallWindow;
import io.keygate.analytics.rollup.ConsumedCall;
import io.keygate.analytics.rollup.store.RollupCompactor;
import io.keygate.analytics.rollup.store.RollupStore;
import io.keygate.analytics.usage.kafka.CallTopicReader;
import io.keygate.events.EventEnvelope;
import io.keygate.events.Topic;
import io.keygate.events.call.CallRecorded;
import io.keygate.events.testing.TestEventPublisher;
import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.keygate.testkit.Testkit;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A generated call stream with known ground truth against the reports: counts and bytes exact, percentiles within
 * the histograms' 1 %, at every granularity and for tenant, application, key and route alike: from the partial rows
 * windows append, after compaction merged them, after part of the stream is replayed (as after a crash before the
 * offsets were committed), and with a late call for a minute compacted already.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class RollupAccuracyQuarkusTest {

    private static final Duration PROPAGATION = Duration.ofSeconds(60);
    /** Crosses an hour boundary, so hour rollups have two buckets. */
    private static final Instant START = Instant.parse("2026-11-29T10:55:00Z");

    private static final int[] STATUSES = {200, 200, 200, 201, 204, 301, 401, 403, 404, 429, 500, 503};
    private static final String[] ROUTES = {"rt_orders", "rt_users", null};
    private static final String[] APPLICATIONS = {"app_shop", "app_batch", null};

    @Inject
    RollupStore store;

    @Inject
    RollupCompactor compactor;

    @Inject
    Pool pool;

    private final TestEventPublisher producer =
            new TestEventPublisher(Testkit.kafka().bootstrapServers());
    private final String tenant = uniqueTenant();
    private final List<String> keys = List.of(uniqueKey(), uniqueKey(), uniqueKey());

    @AfterEach
    void closeProducer() {
        producer.close();
    }

    @Test
    void reportsAreExactFromPartialRowsAfterCompactionAfterAReplayAndWithALateCall() {
        List<EventEnvelope<CallRecorded>> calls = generate(3_000, new Random(11));
        calls.forEach(producer::send);
        List<CallRecorded> truth =
                new ArrayList<>(calls.stream().map(EventEnvelope::data).toList());
        awaitCounted(truth.size());

        // The first half again, at the same offsets, as a consumer restarted from older offsets reads it.
        CallWindow all = CallTopicReader.replay(c -> tenant.equals(c.tenantId()));
        assertThat(all.calls()).hasSize(truth.size());
        CallWindow firstHalf = windowOf(all.calls().subList(0, 1_500));
        assertThat(store.count(firstHalf).await().atMost(PROPAGATION).freshCalls())
                .isEmpty();
        assertEverythingMatches(truth);

        // One API key per pass: every pass goes on after the last one's key, and together they take every key.
        compactor.compactClosed(Instant.now(), 1).await().atMost(PROPAGATION);
        assertThat(rowsNotRolledUp()).isZero();
        // A round first analyses the tables it reads that never were (so its statements are planned on statistics).
        assertThat(countRows("SELECT count(*) AS n FROM pg_stats WHERE schemaname = current_schema()"
                        + " AND tablename = 'call_rollup_pending' AND attname = 'key_id' AND $1::text IS NOT NULL"))
                .isOne();
        assertThat(minuteRows()).isEqualTo(distinctMinuteKeys(truth));
        assertThat(countRows("SELECT count(*) AS n FROM client_ip_hour_pending WHERE tenant_id = $1"))
                .isZero();
        assertThat(countRows("SELECT count(*) AS n FROM key_client_ip WHERE tenant_id = $1"))
                .isEqualTo(truth.stream()
                        .map(c -> c.keyId() + " " + c.clientIp())
                        .distinct()
                        .count());
        assertEverythingMatches(truth);

        // A late call for a minute key compacted already (the first call's): its own row until the next pass merges
        // it into that minute's row and adds it to hour and day.
        CallRecorded first = truth.get(0);
        CallRecorded late = withApplication(
                call(
                        tenant,
                        first.keyId(),
                        first.routeId(),
                        first.receivedAt(),
                        first.status(),
                        7,
                        70,
                        3_000_000,
                        "10.0.0.9"),
                first.applicationId());
        // And one from an address a key used already, at the time of one of its calls there: compaction adds it to
        // that address's stored rows (the upserts' update: sums, first and last call).
        String watched = keys.get(0);
        CallRecorded seen = truth.stream()
                .filter(c -> watched.equals(c.keyId()))
                .findFirst()
                .orElseThrow();
        CallRecorded again = withApplication(
                call(
                        tenant,
                        seen.keyId(),
                        seen.routeId(),
                        seen.receivedAt(),
                        seen.status(),
                        5,
                        50,
                        2_000,
                        seen.clientIp()),
                seen.applicationId());
        long minuteKeysBefore = distinctMinuteKeys(truth);
        producer.send(envelope(late));
        producer.send(envelope(again));
        truth.add(late);
        truth.add(again);
        assertThat(distinctMinuteKeys(truth)).isEqualTo(minuteKeysBefore);
        awaitCounted(truth.size());
        assertEverythingMatches(truth);
        compactor.compactClosed(Instant.now()).await().atMost(PROPAGATION);
        assertThat(rowsNotRolledUp()).isZero();
        // The late call's minute was compacted already: its pending row merged into that minute's one row.
        assertThat(minuteRows()).isEqualTo(distinctMinuteKeys(truth));
        assertEverythingMatches(truth);
    }

    private void assertEverythingMatches(List<CallRecorded> truth) {
        for (String granularity : List.of("minute", "hour", "day")) {
            assertMatches(Map.of(), granularity, truth, c -> true);
            String key = keys.get(1);
            assertMatches(Map.of("keyId", key), granularity, truth, c -> key.equals(c.keyId()));
            assertMatches(Map.of("routeId", "rt_users"), granularity, truth, c -> "rt_users".equals(c.routeId()));
            assertMatches(
                    Map.of("applicationId", "app_shop"), granularity, truth, c -> "app_shop".equals(c.applicationId()));
        }
        assertBucketsMatch(truth);
        assertTopMatches(truth, "key", CallRecorded::keyId);
        assertTopMatches(truth, "application", CallRecorded::applicationId);
        assertClientAddressesMatch(truth);
    }

    private void awaitCounted(long calls) {
        await().atMost(PROPAGATION)
                .untilAsserted(() -> assertThat(series(Map.of(), "minute").getLong("total.calls"))
                        .isEqualTo(calls));
    }

    private static CallWindow windowOf(List<ConsumedCall> calls) {
        Map<Integer, Long> nextOffsets = new HashMap<>();
        calls.forEach(c -> nextOffsets.merge(c.partition(), c.offset() + 1, Math::max));
        return new CallWindow(Topic.CALLS.topicName(), calls, nextOffsets, List.of());
    }

    private long rowsNotRolledUp() {
        return countRows("SELECT count(*) AS n FROM call_rollup_pending WHERE tenant_id = $1");
    }

    private long minuteRows() {
        return countRows("SELECT count(*) AS n FROM call_rollup WHERE tenant_id = $1 AND granularity = 'minute'");
    }

    private long countRows(String sql) {
        return Counts.of(pool, sql, Tuple.of(tenant));
    }

    /** Minute rows compaction leaves: one per minute, application, key, route and status class. */
    private static long distinctMinuteKeys(List<CallRecorded> truth) {
        return truth.stream()
                .map(c -> List.of(
                        c.receivedAt().truncatedTo(ChronoUnit.MINUTES).toString(),
                        String.valueOf(c.applicationId()),
                        String.valueOf(c.keyId()),
                        String.valueOf(c.routeId()),
                        String.valueOf(c.status() / 100)))
                .distinct()
                .count();
    }

    private void assertClientAddressesMatch(List<CallRecorded> truth) {
        Map<String, long[]> perIp = new java.util.TreeMap<>();
        truth.forEach(c -> {
            long[] sums = perIp.computeIfAbsent(c.clientIp(), ip -> new long[3]);
            sums[0]++;
            sums[1] += c.status() >= 400 ? 1 : 0;
            sums[2] += c.status() == 401 ? 1 : 0;
        });
        JsonPath report = given().queryParam("tenantId", tenant)
                .queryParam("from", START.toString())
                .queryParam("to", START.plus(1, ChronoUnit.HOURS).toString())
                .get("/reports/client-ips")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> ips = report.getList("addresses.clientIp");
        assertThat(ips).containsExactlyInAnyOrderElementsOf(perIp.keySet());
        for (int i = 0; i < ips.size(); i++) {
            long[] expected = perIp.get(ips.get(i));
            assertThat(report.getLong("addresses[" + i + "].calls")).isEqualTo(expected[0]);
            assertThat(report.getLong("addresses[" + i + "].errors")).isEqualTo(expected[1]);
            assertThat(report.getLong("addresses[" + i + "].authFailures")).isEqualTo(expected[2]);
        }

        String key = keys.get(0);
        Map<String, Instant> firstSeen = new java.util.TreeMap<>();
        Map<String, Instant> lastSeen = new java.util.TreeMap<>();
        Map<String, Long> callsFrom = new java.util.TreeMap<>();
        truth.stream().filter(c -> key.equals(c.keyId())).forEach(c -> {
            firstSeen.merge(c.clientIp(), c.receivedAt(), (a, b) -> a.isBefore(b) ? a : b);
            lastSeen.merge(c.clientIp(), c.receivedAt(), (a, b) -> a.isAfter(b) ? a : b);
            callsFrom.merge(c.clientIp(), 1L, Long::sum);
        });
        JsonPath fresh = given().queryParam("tenantId", tenant)
                .queryParam("from", START.toString())
                .queryParam("to", START.plus(1, ChronoUnit.HOURS).toString())
                .get("/reports/keys/{k}/new-ips", key)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> addresses = fresh.getList("addresses.clientIp");
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(firstSeen.keySet());
        for (int i = 0; i < addresses.size(); i++) {
            assertThat(Instant.parse(fresh.getString("addresses[" + i + "].firstSeen")))
                    .isEqualTo(firstSeen.get(addresses.get(i)));
            assertThat(Instant.parse(fresh.getString("addresses[" + i + "].lastSeen")))
                    .isEqualTo(lastSeen.get(addresses.get(i)));
            assertThat(fresh.getLong("addresses[" + i + "].calls")).isEqualTo(callsFrom.get(addresses.get(i)));
        }
    }

    private void assertMatches(
            Map<String, String> filter, String granularity, List<CallRecorded> truth, Predicate<CallRecorded> which) {
        List<CallRecorded> expected = truth.stream().filter(which).toList();
        JsonPath report = series(filter, granularity);
        assertThat(report.getLong("total.calls")).as(granularity + " calls").isEqualTo(expected.size());
        assertThat(report.getLong("total.errors"))
                .as(granularity + " errors")
                .isEqualTo(expected.stream().filter(c -> c.status() >= 400).count());
        assertThat(report.getLong("total.bytesIn"))
                .isEqualTo(expected.stream().mapToLong(CallRecorded::bytesIn).sum());
        assertThat(report.getLong("total.bytesOut"))
                .isEqualTo(expected.stream().mapToLong(CallRecorded::bytesOut).sum());
        long[] durations = expected.stream()
                .mapToLong(CallRecorded::durationMicros)
                .sorted()
                .toArray();
        assertThat(report.getLong("total.latency.max")).isEqualTo(durations[durations.length - 1]);
        assertThat(report.getLong("total.latency.mean"))
                .isEqualTo(Arrays.stream(durations).sum() / durations.length);
        assertPercentile(report.getLong("total.latency.p50"), durations, 50);
        assertPercentile(report.getLong("total.latency.p90"), durations, 90);
        assertPercentile(report.getLong("total.latency.p99"), durations, 99);
    }

    private void assertBucketsMatch(List<CallRecorded> truth) {
        Map<Instant, Long> perMinute = new HashMap<>();
        truth.forEach(c -> perMinute.merge(c.receivedAt().truncatedTo(ChronoUnit.MINUTES), 1L, Long::sum));
        JsonPath report = series(Map.of(), "minute");
        List<String> buckets = report.getList("points.bucket");
        List<Long> counts = report.getList("points.calls", Long.class);
        assertThat(buckets).hasSize(perMinute.size());
        for (int i = 0; i < buckets.size(); i++) {
            assertThat(counts.get(i)).isEqualTo(perMinute.get(Instant.parse(buckets.get(i))));
        }
        assertThat(series(Map.of(), "hour").getList("points")).hasSize(2);
    }

    private void assertTopMatches(List<CallRecorded> truth, String by, Function<CallRecorded, String> id) {
        Map<String, Long> perId = new HashMap<>();
        truth.forEach(c -> perId.merge(String.valueOf(id.apply(c)), 1L, Long::sum));
        JsonPath top = given().queryParam("tenantId", tenant)
                .queryParam("by", by)
                .queryParam("from", START.toString())
                .queryParam("to", START.plus(1, ChronoUnit.HOURS).toString())
                .queryParam("limit", "2")
                .get("/reports/top")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Long> topCalls = top.getList("consumers.calls", Long.class);
        List<Long> expected = perId.values().stream()
                .sorted((a, b) -> Long.compare(b, a))
                .limit(2)
                .toList();
        assertThat(topCalls).as("top by " + by).isEqualTo(expected);
        assertThat(perId.get(String.valueOf(top.getString("consumers[0].id")))).isEqualTo(expected.get(0));
    }

    private static void assertPercentile(long reported, long[] sorted, double percentile) {
        long exact = sorted[(int) Math.ceil(percentile / 100 * sorted.length) - 1];
        assertThat((double) reported).as("p" + percentile).isCloseTo(exact, within(exact * 0.01 + 1));
    }

    /**
     * Calls over 40 minutes from START for three keys, three routes and three applications (one of each absent),
     * mixed statuses and latencies.
     */
    private List<EventEnvelope<CallRecorded>> generate(int n, Random random) {
        List<EventEnvelope<CallRecorded>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // Log-normal-ish latencies from 100 µs to seconds, so the percentiles differ a lot.
            long duration = (long) (100 * Math.exp(random.nextDouble() * 10));
            calls.add(envelope(withApplication(
                    call(
                            tenant,
                            keys.get(random.nextInt(keys.size())),
                            ROUTES[random.nextInt(ROUTES.length)],
                            START.plusMillis(random.nextInt(40 * 60_000)),
                            STATUSES[random.nextInt(STATUSES.length)],
                            random.nextInt(5_000),
                            random.nextInt(100_000),
                            duration,
                            "10.0.0." + random.nextInt(4)),
                    APPLICATIONS[random.nextInt(APPLICATIONS.length)])));
        }
        return calls;
    }

    private JsonPath series(Map<String, String> filter, String granularity) {
        return given().queryParam("tenantId", tenant)
                .queryParams(filter)
                .queryParam("granularity", granularity)
                .queryParam("from", START.toString())
                .queryParam("to", START.plus(1, ChronoUnit.HOURS).toString())
                .get("/reports/series")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
