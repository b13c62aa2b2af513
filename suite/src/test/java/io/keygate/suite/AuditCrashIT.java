package io.keygate.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import io.keygate.events.EventCodec;
import io.keygate.events.EventEnvelope;
import io.keygate.events.Topic;
import io.keygate.events.call.CallOutcome;
import io.keygate.events.call.CallRecorded;
import io.keygate.testkit.FreePorts;
import io.keygate.testkit.TestSessions;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * audit-service as a real process, killed with SIGKILL in the middle of a stream: after a restart every event is
 * stored exactly once and every tenant's hash chain verifies. And an export far larger than its heap streams out.
 */
class AuditCrashIT {

    private static final int TENANTS = 5;
    private static final int ADMIN_EVENTS = 6_000;
    private static final int CALL_RECORDS = 24_000;
    private static final int TOTAL = ADMIN_EVENTS + CALL_RECORDS;
    /** The service's heap in these tests: far below the size of the export. */
    private static final List<String> SMALL_HEAP = List.of("-Xms32m", "-Xmx96m", "-XX:+UseSerialGC");

    private static final String ADMIN = "Bearer " + TestSessions.platformAdmin();

    private static CrashHarness harness;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private final String runId = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void servers() {
        harness = CrashHarness.start("audit-crash");
    }

    @AfterAll
    static void cleanUp() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void aKilledAuditServiceLosesNothingAndStoresNothingTwice() throws Exception {
        String database = "audit_crash_" + runId;
        int port = FreePorts.next();
        CrashHarness.Restarted restarted = harness.killMidStreamAndRestart(
                "audit-service",
                () -> harness.launcher.auditService(port, database, SMALL_HEAP, Map.of()),
                this::produceStream,
                () -> stored(database),
                TOTAL);
        try (ServiceProcess audit = restarted.process()) {
            assertThat(harness.count(
                            database, "SELECT count(*) FROM audit_entry WHERE tenant_id LIKE 'crash-" + runId + "-%'"))
                    .isEqualTo(ADMIN_EVENTS);
            assertThat(harness.count(database, "SELECT count(DISTINCT event_id) FROM audit_entry"))
                    .isEqualTo(ADMIN_EVENTS);
            assertThat(harness.count(
                            database, "SELECT count(*) FROM call_record WHERE tenant_id LIKE 'crash-" + runId + "-%'"))
                    .isEqualTo(CALL_RECORDS);
            assertThat(harness.count(database, "SELECT count(DISTINCT event_id) FROM call_record"))
                    .isEqualTo(CALL_RECORDS);
            assertThat(harness.count(database, "SELECT count(*) FROM audit_dead_letter"))
                    .isZero();
            for (int t = 0; t < TENANTS; t++) {
                JsonNode verification = harness.get(port, "/audit/chains/crash-" + runId + "-" + t + "/verification");
                assertThat(verification.get("intact").asBoolean())
                        .as("chain of tenant %d: %s", t, verification)
                        .isTrue();
                assertThat(verification.get("entriesChecked").asLong()).isEqualTo(ADMIN_EVENTS / TENANTS);
            }
        }
    }

    @Test
    void anExportFarLargerThanTheHeapStreamsOutWhole() throws Exception {
        String database = "audit_export_" + runId;
        int port = FreePorts.next();
        ServiceProcess audit = harness.launcher.auditService(port, database, SMALL_HEAP, Map.of());
        try {
            audit.awaitReady(Duration.ofSeconds(90));
            int entries = 100_000;
            // Written straight into the table (the chain is not what is tested here): ~1.5 KB of data each.
            execute(
                    database,
                    "INSERT INTO audit_entry (chain, chain_seq, event_id, topic, type, subject, tenant_id,"
                            + " source, occurred_at, action, target, outcome, data, prev_hash, entry_hash)"
                            + " SELECT 'bulk', n, md5(n::text)::uuid, 'keygate.tokens', 'io.keygate.apikey.updated.v1',"
                            + " 'key_' || n, 'bulk', '/token-service', timestamptz '2026-11-01' + n * interval '1 second',"
                            + " 'apikey.updated', 'key_' || n, 'success', json_build_object('note', repeat('x', 1500))::text,"
                            + " '\\x00', '\\x00' FROM generate_series(1, " + entries + ") AS n");

            HttpResponse<InputStream> response = http.send(
                    HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + port + "/audit/events/export?tenantId=bulk"))
                            .header("Authorization", ADMIN)
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            long lines = 0;
            long bytes = 0;
            String first = null;
            try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (first == null) {
                        first = line;
                    }
                    lines++;
                    bytes += line.length() + 1;
                }
            }
            System.out.printf("Exported %d entries, %.1f MB, from a service with -Xmx96m%n", lines, bytes / 1e6);
            assertThat(lines).isEqualTo(entries);
            assertThat(bytes)
                    .as("the export is larger than the service's whole heap")
                    .isGreaterThan(150_000_000L);
            assertThat(json.readTree(first).get("target").asText()).isEqualTo("key_1");
            assertThat(audit.isRunning()).isTrue();
        } finally {
            audit.close();
        }
    }

    /** Publishes the admin events and call records at a steady pace, so the kill lands mid-stream. */
    private void produceStream() {
        EventCodec codec = new EventCodec();
        Map<String, Object> config =
                Map.of("bootstrap.servers", harness.kafka.bootstrapServers(), "acks", "all", "linger.ms", 5);
        try (KafkaProducer<String, CloudEvent> producer =
                new KafkaProducer<>(config, new StringSerializer(), new CloudEventSerializer())) {
            Instant t0 = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            int perAdmin = CALL_RECORDS / ADMIN_EVENTS;
            for (int i = 0; i < ADMIN_EVENTS; i++) {
                String tenant = "crash-" + runId + "-" + (i % TENANTS);
                String key = "key_" + (i % 50);
                CloudEvent admin = CloudEventBuilder.v1()
                        .withId(EventEnvelope.newEventId().toString())
                        .withSource(URI.create("/token-service"))
                        .withType("io.keygate.apikey.updated.v1")
                        .withSubject(key)
                        .withTime(t0.plusMillis(i).atOffset(ZoneOffset.UTC))
                        .withExtension(EventCodec.EXT_TENANT, tenant)
                        .withExtension(EventCodec.EXT_SEQUENCE, Integer.toString(i + 1))
                        .withData("application/json", ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8))
                        .build();
                producer.send(new ProducerRecord<>(Topic.TOKENS.topicName(), key, admin));
                for (int c = 0; c < perAdmin; c++) {
                    Instant at = t0.plusMillis(i);
                    CallRecorded call = new CallRecorded(
                            "req-" + UUID.randomUUID(),
                            "gw-1",
                            tenant,
                            "rt_1",
                            key,
                            null,
                            "GET",
                            "/orders/" + c,
                            200,
                            CallOutcome.PROXIED,
                            900 + c,
                            0,
                            512,
                            "203.0.113." + (c + 1),
                            at);
                    producer.send(new ProducerRecord<>(
                            Topic.CALLS.topicName(),
                            key,
                            codec.toCloudEvent(EventEnvelope.create("/edge-gateway", 0, at, null, null, call))));
                }
                if (i % 100 == 99) {
                    producer.flush();
                    Thread.sleep(40);
                }
            }
            producer.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long stored(String database) throws SQLException {
        return harness.count(
                database, "SELECT (SELECT count(*) FROM audit_entry) + (SELECT count(*) FROM call_record)");
    }

    private void execute(String database, String sql) throws SQLException {
        try (Connection connection = harness.connect(database);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
