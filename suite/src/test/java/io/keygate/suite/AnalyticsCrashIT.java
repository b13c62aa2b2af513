package io.keygate.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.keygate.events.EventCodec;
import io.keygate.events.EventEnvelope;
import io.keygate.events.Topic;
import io.keygate.events.call.CallOutcome;
import io.keygate.events.call.CallRecorded;
import io.keygate.testkit.FreePorts;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * analytics-service as a real process, killed with SIGKILL while it counts a stream of call records whose truth is
 * known: after a restart every call is counted exactly once at every granularity (calls, errors, bytes) and the
 * latency percentiles are within the histograms' 1 %. The kill lands with calls taken in but not yet written (they
 * are written a window at a time), so the restart must replay them without counting the written ones again (the
 * offset watermarks committed with the counts say which). Compaction runs every second throughout, so the kill may
 * also land in a pass; once every minute is rolled up, the hour and day rows alone must be exact too.
 */
class AnalyticsCrashIT {

    private static final int CALLS = 40_000;
    private static final Instant START = Instant.parse("2026-11-29T10:00:00Z");
    private static final int[] STATUSES = {200, 200, 200, 201, 204, 401, 404, 429, 500, 503};

    private static CrashHarness harness;

    private final String tenant = "crash-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<CallRecorded> truth = generate(new Random(8));

    @BeforeAll
    static void servers() {
        harness = CrashHarness.start("analytics-crash");
    }

    @AfterAll
    static void cleanUp() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void aKilledAnalyticsServiceCountsEveryCallExactlyOnceAfterItsRestart() throws Exception {
        String database = "analytics_crash_" + tenant.substring(6);
        int port = FreePorts.next();
        // A consumer group of its own: the stream is read from the start of the topic, other tests' calls included.
        // Compaction every second, of every ended minute, so passes run before, across and after the kill.
        Map<String, String> group = Map.of(
                "mp.messaging.incoming.calls.group.id", "analytics-crash-" + tenant,
                "keygate.analytics.compaction.interval", "PT1S",
                "keygate.analytics.compaction.closed-after", "PT0S");
        CrashHarness.Restarted restarted = harness.killMidStreamAndRestart(
                "analytics-service",
                () -> harness.launcher.analyticsService(port, database, group),
                this::produce,
                () -> counted(database),
                CALLS);
        try (ServiceProcess analytics = restarted.process()) {
            assertExactAtEveryGranularity(database, true);
            assertPercentilesMatch(port);
            // Once compaction has rolled every minute up, the hour and day rows alone hold every call exactly once.
            await().atMost(Duration.ofMinutes(2)).until(() -> notRolledUp(database) == 0);
            assertExactAtEveryGranularity(database, false);
            assertPercentilesMatch(port);
        }
    }

    private void assertExactAtEveryGranularity(String database, boolean withPending) throws SQLException {
        for (String granularity : List.of("minute", "hour", "day")) {
            assertThat(sums(database, granularity, withPending))
                    .as(granularity + ": calls, errors, bytes in, bytes out")
                    .containsExactly(
                            (long) truth.size(),
                            truth.stream().filter(c -> c.status() >= 400).count(),
                            truth.stream().mapToLong(CallRecorded::bytesIn).sum(),
                            truth.stream().mapToLong(CallRecorded::bytesOut).sum());
        }
    }

    private void assertPercentilesMatch(int port) throws Exception {
        JsonNode total = harness.get(
                        port,
                        "/reports/series?granularity=hour&tenantId=" + tenant + "&from=" + START + "&to="
                                + START.plus(Duration.ofHours(1)))
                .get("total");
        long[] sorted =
                truth.stream().mapToLong(CallRecorded::durationMicros).sorted().toArray();
        assertThat(total.get("calls").asLong()).isEqualTo(CALLS);
        assertThat(total.get("latency").get("max").asLong()).isEqualTo(sorted[sorted.length - 1]);
        for (int percentile : new int[] {50, 90, 99}) {
            long exact = sorted[(int) Math.ceil(percentile / 100.0 * sorted.length) - 1];
            assertThat(total.get("latency").get("p" + percentile).asDouble())
                    .as("p" + percentile)
                    .isCloseTo(exact, within(exact * 0.01 + 1));
        }
    }

    /** Calls of one tenant over ten minutes from START: 50 keys, mixed statuses, sizes and log-normal latencies. */
    private List<CallRecorded> generate(Random random) {
        List<CallRecorded> calls = new ArrayList<>(CALLS);
        for (int i = 0; i < CALLS; i++) {
            int status = STATUSES[random.nextInt(STATUSES.length)];
            calls.add(new CallRecorded(
                    "req-" + i,
                    "gw-1",
                    tenant,
                    "rt_" + random.nextInt(3),
                    "key_" + random.nextInt(50),
                    null,
                    "GET",
                    "/orders",
                    status,
                    status == 401 ? CallOutcome.REVOKED_KEY : CallOutcome.PROXIED,
                    (long) (100 * Math.exp(random.nextDouble() * 8)),
                    random.nextInt(4_000),
                    random.nextInt(60_000),
                    "203.0.113." + random.nextInt(20),
                    START.plusMillis(i * 15L)));
        }
        return calls;
    }

    /** Publishes the calls at a steady pace (about 10,000/s), so the kill lands mid-stream. */
    private void produce() {
        EventCodec codec = new EventCodec();
        Map<String, Object> config =
                Map.of("bootstrap.servers", harness.kafka.bootstrapServers(), "acks", "all", "linger.ms", 5);
        try (KafkaProducer<String, CloudEvent> producer =
                new KafkaProducer<>(config, new StringSerializer(), new CloudEventSerializer())) {
            for (int i = 0; i < CALLS; i++) {
                CallRecorded call = truth.get(i);
                producer.send(new ProducerRecord<>(
                        Topic.CALLS.topicName(),
                        call.keyId(),
                        codec.toCloudEvent(
                                EventEnvelope.create("/edge-gateway", 0, call.receivedAt(), null, null, call))));
                if (i % 500 == 499) {
                    producer.flush();
                    Thread.sleep(50);
                }
            }
            producer.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Calls of the tenant counted in committed minute rows. */
    private long counted(String database) throws SQLException {
        return sums(database, "minute", true).get(0);
    }

    /**
     * Calls, errors, bytes in and bytes out of the tenant's rows at one granularity: the compacted rows of that
     * granularity, and with {@code withPending} (as reports read them) the minute rows compaction has not taken yet.
     */
    private List<Long> sums(String database, String granularity, boolean withPending) throws SQLException {
        String rows = "(SELECT status_class, calls, bytes_in, bytes_out FROM call_rollup WHERE tenant_id = '" + tenant
                + "' AND granularity = '" + granularity + "'"
                + (withPending
                        ? " UNION ALL SELECT status_class, calls, bytes_in, bytes_out FROM call_rollup_pending"
                                + " WHERE tenant_id = '" + tenant + "'"
                        : "")
                + ") r";
        String sql = "SELECT coalesce(sum(calls), 0), coalesce(sum(calls) FILTER (WHERE status_class >= 4), 0),"
                + " coalesce(sum(bytes_in), 0), coalesce(sum(bytes_out), 0) FROM " + rows;
        try (Connection connection = harness.connect(database);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return List.of(result.getLong(1), result.getLong(2), result.getLong(3), result.getLong(4));
        }
    }

    private long notRolledUp(String database) throws SQLException {
        String sql = "SELECT count(*) FROM call_rollup_pending WHERE tenant_id = '" + tenant + "'";
        try (Connection connection = harness.connect(database);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
