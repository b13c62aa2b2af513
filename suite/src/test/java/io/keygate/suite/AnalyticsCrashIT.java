package io.keygate.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.keygate.events.EventCodec;
import io.keygate.events.EventEnvelope;
import io.keygate.events.Topic;
import io.keygate.events.call.CallOutcome;
import io.keygate.events.call.CallRecorded;
import io.keygate.testkit.FreePorts;
import io.keygate.testkit.KafkaBroker;
import io.keygate.testkit.PostgresServer;
import io.keygate.testkit.RunDirectory;
import io.keygate.testkit.TestSessions;
import io.keygate.testkit.Testkit;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
 * are written a window at a time), so the restart must replay them without counting the written ones again.
 */
class AnalyticsCrashIT {

    private static final int CALLS = 40_000;
    private static final Instant START = Instant.parse("2026-11-29T10:00:00Z");
    private static final int[] STATUSES = {200, 200, 200, 201, 204, 401, 404, 429, 500, 503};
    private static final String ADMIN = "Bearer " + TestSessions.platformAdmin();

    private static RunDirectory run;
    private static ServiceLauncher launcher;
    private static PostgresServer postgres;
    private static KafkaBroker kafka;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final String tenant = "crash-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<CallRecorded> truth = generate(new Random(8));

    @BeforeAll
    static void servers() {
        Path root = Path.of(System.getProperty("keygate.repository.root", ".."))
                .toAbsolutePath()
                .normalize();
        kafka = Testkit.kafka();
        postgres = Testkit.postgres();
        run = RunDirectory.create("analytics-crash");
        // No token-service here: analytics checks test sessions signed with the testkit's key (TestSessions.ISSUER).
        launcher = new ServiceLauncher(root, run, kafka, postgres, 8081);
        TestSessions.publishSigningKey(kafka.bootstrapServers());
    }

    @AfterAll
    static void cleanUp() {
        if (run != null) {
            run.delete();
        }
    }

    @Test
    void aKilledAnalyticsServiceCountsEveryCallExactlyOnceAfterItsRestart() throws Exception {
        String database = "analytics_crash_" + tenant.substring(6);
        int port = FreePorts.next();
        // A consumer group of its own: the stream is read from the start of the topic, other tests' calls included.
        Map<String, String> group = Map.of("mp.messaging.incoming.calls.group.id", "analytics-crash-" + tenant);
        ServiceProcess analytics = launcher.analyticsService(port, database, group);
        analytics.awaitReady(Duration.ofSeconds(90));

        CompletableFuture<Void> producing = CompletableFuture.runAsync(this::produce);
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> counted(database) >= CALLS / 3);
        analytics.kill();
        long atKill = counted(database);
        System.out.printf("analytics-service killed with %d of %d calls counted%n", atKill, CALLS);
        assertThat(atKill).as("killed mid-stream").isLessThan(CALLS);

        ServiceProcess restarted = launcher.analyticsService(port, database, group);
        try {
            restarted.awaitReady(Duration.ofSeconds(90));
            producing.get(120, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> counted(database) >= CALLS);
            // Anything still to be replayed would show up now.
            Thread.sleep(3_000);

            for (String granularity : List.of("minute", "hour", "day")) {
                assertThat(sums(database, granularity))
                        .as(granularity + ": calls, errors, bytes in, bytes out")
                        .containsExactly(
                                (long) truth.size(),
                                truth.stream().filter(c -> c.status() >= 400).count(),
                                truth.stream().mapToLong(CallRecorded::bytesIn).sum(),
                                truth.stream().mapToLong(CallRecorded::bytesOut).sum());
            }
            assertPercentilesMatch(port);
        } finally {
            restarted.close();
        }
    }

    private void assertPercentilesMatch(int port) throws Exception {
        JsonNode total = get(
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
                Map.of("bootstrap.servers", kafka.bootstrapServers(), "acks", "all", "linger.ms", 5);
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
        return sums(database, "minute").get(0);
    }

    /** Calls, errors, bytes in and bytes out of the tenant's rows at one granularity. */
    private List<Long> sums(String database, String granularity) throws SQLException {
        String sql = "SELECT coalesce(sum(calls), 0), coalesce(sum(calls) FILTER (WHERE status_class >= 4), 0),"
                + " coalesce(sum(bytes_in), 0), coalesce(sum(bytes_out), 0) FROM call_rollup"
                + " WHERE tenant_id = '" + tenant + "' AND granularity = '" + granularity + "'";
        try (Connection connection = DriverManager.getConnection(
                        postgres.jdbcUrl(database), PostgresServer.USER, PostgresServer.PASSWORD);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return List.of(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4));
        }
    }

    private JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", ADMIN)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
