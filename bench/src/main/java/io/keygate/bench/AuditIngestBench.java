package io.keygate.bench;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import io.keygate.events.EventCodec;
import io.keygate.events.EventEnvelope;
import io.keygate.events.KafkaTopics;
import io.keygate.events.Topic;
import io.keygate.events.call.CallOutcome;
import io.keygate.events.call.CallRecorded;
import io.keygate.suite.ServiceLauncher;
import io.keygate.suite.ServiceProcess;
import io.keygate.testkit.FreePorts;
import io.keygate.testkit.KafkaBroker;
import io.keygate.testkit.PostgresServer;
import io.keygate.testkit.RunDirectory;
import io.keygate.testkit.Testkit;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.PGConnection;

/**
 * Sustained ingest rate of audit-service beside the raw PostgreSQL rate of the same rows, same machine, same run.
 *
 * <p>The stream is what a busy deployment sends: mostly gateway call records with some admin events (2 %) across
 * 20 tenants, published to Kafka once before the runs. Each run:
 * <ol>
 *   <li><b>raw COPY</b>: the same call-record rows {@code COPY}-ed (CSV, one connection) into a table with audit's
 *       own schema; and <b>raw INSERT</b>: multi-row {@code INSERT … SELECT FROM unnest(…)} of 500 rows per
 *       statement, one connection, as audit writes them;
 *   <li><b>audit drain</b>: a fresh audit-service (own database, own consumer group) reads the whole backlog; its
 *       rate is measured between 10 % and 90 % stored (past start-up and JIT);
 *   <li><b>keep-up</b>: with the service caught up, records are published at a fixed rate (by default the gateway's
 *       top throughput in bench/RESULTS.md) and the backlog (published minus stored) is sampled every second: it
 *       must stay flat.
 * </ol>
 *
 * <p>Usage: {@code bench/audit.sh [records] [runs] [--rate=N] [--seconds=S]}.
 */
public final class AuditIngestBench {

    private static final String USAGE = "bench/audit.sh [records] [runs] [--rate=records/s] [--seconds=S]";
    private static final int TENANTS = 20;
    private static final int ADMIN_EVERY = 50;

    private final Path root;
    private final KafkaBroker kafka;
    private final PostgresServer postgres;
    private final RunDirectory run;
    private final ServiceLauncher launcher;
    private final String schema;
    private final EventCodec codec = new EventCodec();
    private final List<CallRecorded> sampleCalls = new ArrayList<>();

    private AuditIngestBench(Path root) throws Exception {
        this.root = root;
        this.kafka = Testkit.kafka();
        this.postgres = Testkit.postgres();
        this.run = RunDirectory.create("bench-audit");
        this.launcher = new ServiceLauncher(root, run, kafka, postgres, FreePorts.next());
        this.schema = Files.readString(root.resolve("audit-service/src/main/resources/io/keygate/audit/schema.sql"));
    }

    public static void main(String[] args) throws Exception {
        BenchArguments arguments = BenchArguments.parse(args, 2, Set.of("rate", "seconds"), USAGE);
        int records = arguments.positional(0, 300_000);
        int runs = arguments.positional(1, 3);
        int rate = arguments.intOption("rate", 12_000);
        int seconds = arguments.intOption("seconds", 20);
        Path root = Path.of(System.getProperty("keygate.repository.root", "."))
                .toAbsolutePath()
                .normalize();
        AuditIngestBench bench = new AuditIngestBench(root);
        try {
            bench.benchmark(records, runs, rate, seconds);
        } finally {
            Testkit.stopAll();
            bench.run.delete();
        }
    }

    private void benchmark(int records, int runs, int rate, int seconds) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            KafkaTopics.ensureExist(admin, Arrays.asList(Topic.values()), (short) 1);
        }
        long started = System.nanoTime();
        long published = publish(records, Integer.MAX_VALUE);
        System.out.printf("Published %d records in %.1f s%n", published, (System.nanoTime() - started) / 1e9);
        int calls = sampleCalls.size();

        List<Double> copy = new ArrayList<>();
        List<Double> insert = new ArrayList<>();
        List<Double> drain = new ArrayList<>();
        List<long[]> keepUp = new ArrayList<>();
        for (int r = 1; r <= runs; r++) {
            copy.add(rawCopy("bench_copy_" + r));
            insert.add(rawInsert("bench_insert_" + r));
            String database = "bench_audit_" + r;
            int port = FreePorts.next();
            try (ServiceProcess audit = launcher.auditService(
                    port,
                    database,
                    serviceJvm(),
                    Map.of(
                            "mp.messaging.incoming.audit-events.group.id",
                            "bench-audit-" + r + "-" + UUID.randomUUID()))) {
                audit.awaitReady(Duration.ofMinutes(2));
                drain.add(drainRate(database, records));
                keepUp.add(keepUp(database, records, rate, seconds));
            }
            System.out.printf(
                    "run %d: raw COPY %.0f rows/s, raw INSERT %.0f rows/s, audit %.0f records/s; keep-up at %d/s: backlog"
                            + " max %d, at the end %d%n",
                    r,
                    copy.get(r - 1),
                    insert.get(r - 1),
                    drain.get(r - 1),
                    rate,
                    keepUp.get(r - 1)[0],
                    keepUp.get(r - 1)[1]);
        }
        double copyRate = median(copy);
        double insertRate = median(insert);
        double drainRate = median(drain);
        System.out.printf(
                """

                %d records (%d call records, %d admin events over %d tenants), median of %d runs
                | line | rows/s | audit vs line |
                |---|---:|---:|
                | raw PostgreSQL COPY of the call-record rows (the limit) | %.0f | %.0f %% |
                | raw PostgreSQL multi-row INSERT, 500 rows per statement | %.0f | %.0f %% |
                | audit-service ingest (Kafka → chained entries, call records) | %.0f | |

                keep-up at %d records/s for %d s (backlog = published − stored, sampled each second): max %s, at the end %s
                """,
                records,
                calls,
                records - calls,
                TENANTS,
                runs,
                copyRate,
                100 * drainRate / copyRate,
                insertRate,
                100 * drainRate / insertRate,
                drainRate,
                rate,
                seconds,
                keepUp.stream().map(k -> Long.toString(k[0])).toList(),
                keepUp.stream().map(k -> Long.toString(k[1])).toList());
    }

    /** Publishes {@code count} records, at most {@code perSecond}; returns how many. */
    private long publish(int count, int perSecond) throws Exception {
        Map<String, Object> config = Map.of(
                "bootstrap.servers",
                kafka.bootstrapServers(),
                "acks",
                "1",
                "linger.ms",
                10,
                "batch.size",
                262_144,
                "compression.type",
                "none");
        boolean remember = sampleCalls.isEmpty();
        long start = System.nanoTime();
        try (KafkaProducer<String, CloudEvent> producer =
                new KafkaProducer<>(config, new StringSerializer(), new CloudEventSerializer())) {
            Instant t0 = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            for (int i = 0; i < count; i++) {
                if (perSecond != Integer.MAX_VALUE && i % 100 == 0) {
                    long due = start + (long) (i * 1e9 / perSecond);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
                String tenant = "bench-" + (i % TENANTS);
                String key = "key_" + (i % 10_000);
                Instant at = t0.plusNanos(i * 1000L);
                if (i % ADMIN_EVERY == 0) {
                    CloudEvent admin = CloudEventBuilder.v1()
                            .withId(EventEnvelope.newEventId().toString())
                            .withSource(URI.create("/token-service"))
                            .withType("io.keygate.apikey.updated.v1")
                            .withSubject(key)
                            .withTime(at.atOffset(ZoneOffset.UTC))
                            .withExtension(EventCodec.EXT_TENANT, tenant)
                            .withExtension(EventCodec.EXT_SEQUENCE, "7")
                            .withExtension(EventCodec.EXT_ACTOR, "user:u_" + (i % 97))
                            .withData(
                                    "application/json",
                                    ("{\"keyId\":\"" + key + "\",\"changedFields\":[\"name\"]," + "\"name\":\"key " + i
                                                    + "\",\"scopes\":[\"orders:read\"]}")
                                            .getBytes(StandardCharsets.UTF_8))
                            .build();
                    producer.send(new ProducerRecord<>(Topic.TOKENS.topicName(), key, admin));
                } else {
                    CallRecorded call = new CallRecorded(
                            "req-" + UUID.randomUUID(),
                            "gw-1",
                            tenant,
                            "rt_" + (i % 40),
                            key,
                            null,
                            "GET",
                            "/orders/" + (i % 1000),
                            200,
                            CallOutcome.PROXIED,
                            800 + (i % 900),
                            0,
                            512,
                            "203.0.113." + (i % 250),
                            at);
                    if (remember) {
                        sampleCalls.add(call);
                    }
                    producer.send(new ProducerRecord<>(
                            Topic.CALLS.topicName(),
                            key,
                            codec.toCloudEvent(EventEnvelope.create("/edge-gateway", 0, at, null, null, call))));
                }
            }
            producer.flush();
        }
        return count;
    }

    private double rawCopy(String database) throws Exception {
        try (Connection connection = database(database)) {
            StringBuilder csv = new StringBuilder();
            long start = System.nanoTime();
            int n = 0;
            for (CallRecorded c : sampleCalls) {
                csv.append(UUID.randomUUID())
                        .append(',')
                        .append(c.receivedAt())
                        .append(',')
                        .append(c.tenantId())
                        .append(',')
                        .append(c.keyId())
                        .append(',')
                        .append(c.routeId())
                        .append(',')
                        .append(c.gatewayId())
                        .append(',')
                        .append(c.requestId())
                        .append(',')
                        .append(c.method())
                        .append(',')
                        .append(c.path())
                        .append(',')
                        .append(c.status())
                        .append(',')
                        .append(c.outcome())
                        .append(',')
                        .append(c.clientIp())
                        .append(',')
                        .append(c.durationMicros())
                        .append(',')
                        .append(c.bytesIn())
                        .append(',')
                        .append(c.bytesOut())
                        .append('\n');
                if (++n % 10_000 == 0 || n == sampleCalls.size()) {
                    connection
                            .unwrap(PGConnection.class)
                            .getCopyAPI()
                            .copyIn(
                                    "COPY call_record (event_id, occurred_at, tenant_id, key_id, route_id, gateway_id,"
                                            + " request_id, method, path, status, outcome, client_ip, duration_micros,"
                                            + " bytes_in, bytes_out) FROM STDIN (FORMAT csv)",
                                    new StringReader(csv.toString()));
                    csv.setLength(0);
                }
            }
            return sampleCalls.size() / ((System.nanoTime() - start) / 1e9);
        }
    }

    private double rawInsert(String database) throws Exception {
        try (Connection connection = database(database);
                PreparedStatement insert = connection.prepareStatement("INSERT INTO call_record (event_id, occurred_at,"
                        + " tenant_id, key_id, route_id, gateway_id, request_id, method, path, status, outcome, client_ip,"
                        + " duration_micros, bytes_in, bytes_out) SELECT * FROM unnest(?::uuid[], ?::timestamptz[],"
                        + " ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[],"
                        + " ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[]) ON CONFLICT DO NOTHING")) {
            long start = System.nanoTime();
            for (int from = 0; from < sampleCalls.size(); from += 500) {
                List<CallRecorded> batch = sampleCalls.subList(from, Math.min(from + 500, sampleCalls.size()));
                int n = batch.size();
                Object[][] columns = new Object[15][n];
                for (int i = 0; i < n; i++) {
                    CallRecorded c = batch.get(i);
                    Object[] row = {
                        UUID.randomUUID(),
                        Timestamp.from(c.receivedAt()),
                        c.tenantId(),
                        c.keyId(),
                        c.routeId(),
                        c.gatewayId(),
                        c.requestId(),
                        c.method(),
                        c.path(),
                        c.status(),
                        c.outcome().name(),
                        c.clientIp(),
                        c.durationMicros(),
                        c.bytesIn(),
                        c.bytesOut()
                    };
                    for (int col = 0; col < 15; col++) {
                        columns[col][i] = row[col];
                    }
                }
                String[] types = {
                    "uuid",
                    "timestamptz",
                    "text",
                    "text",
                    "text",
                    "text",
                    "text",
                    "text",
                    "text",
                    "int4",
                    "text",
                    "text",
                    "int8",
                    "int8",
                    "int8"
                };
                for (int col = 0; col < 15; col++) {
                    Array array = connection.createArrayOf(types[col], columns[col]);
                    insert.setArray(col + 1, array);
                }
                insert.executeUpdate();
            }
            return sampleCalls.size() / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** A fresh database with audit's schema and today's call-record partition. */
    private Connection database(String name) throws SQLException {
        postgres.createDatabase(name);
        Connection connection =
                DriverManager.getConnection(postgres.jdbcUrl(name), PostgresServer.USER, PostgresServer.PASSWORD);
        try (Statement statement = connection.createStatement()) {
            statement.execute(schema);
            LocalDate day = LocalDate.now(ZoneOffset.UTC);
            for (LocalDate d = day.minusDays(1); !d.isAfter(day.plusDays(1)); d = d.plusDays(1)) {
                statement.execute("CREATE TABLE IF NOT EXISTS call_record_p"
                        + d.toString().replace("-", "")
                        + " PARTITION OF call_record FOR VALUES FROM ('" + d + " 00:00:00+00') TO ('" + d.plusDays(1)
                        + " 00:00:00+00')");
            }
        }
        return connection;
    }

    /** Records per second between 10 % and 90 % of {@code total} stored. */
    private double drainRate(String database, long total) throws Exception {
        long low = total / 10;
        long high = total * 9 / 10;
        long lowAt = 0;
        long lowCount = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        try (Connection connection =
                DriverManager.getConnection(postgres.jdbcUrl(database), PostgresServer.USER, PostgresServer.PASSWORD)) {
            while (System.nanoTime() < deadline) {
                long now = System.nanoTime();
                long stored = stored(connection);
                if (lowAt == 0 && stored >= low) {
                    lowAt = now;
                    lowCount = stored;
                }
                if (stored >= high) {
                    double rate = (stored - lowCount) / ((now - lowAt) / 1e9);
                    while (stored(connection) < total && System.nanoTime() < deadline) {
                        Thread.sleep(100);
                    }
                    return rate;
                }
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("audit-service did not store " + total + " records in 10 minutes");
    }

    /** Publishes at {@code rate} for {@code seconds}; returns {max backlog, backlog at the end}. */
    private long[] keepUp(String database, long alreadyStored, int rate, int seconds) throws Exception {
        AtomicLong publishedCount = new AtomicLong();
        Thread publisher = new Thread(() -> {
            try {
                publishedCount.set(0);
                long sent = 0;
                long start = System.nanoTime();
                // Publish in one-second slices so the sampler can see how many were sent.
                for (int s = 0; s < seconds; s++) {
                    publish(rate, rate);
                    sent += rate;
                    publishedCount.set(sent);
                    long due = start + (s + 1) * 1_000_000_000L;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000);
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long max = 0;
        long last = 0;
        try (Connection connection =
                DriverManager.getConnection(postgres.jdbcUrl(database), PostgresServer.USER, PostgresServer.PASSWORD)) {
            publisher.start();
            while (publisher.isAlive()) {
                Thread.sleep(1000);
                long backlog = Math.max(0, publishedCount.get() - (stored(connection) - alreadyStored));
                max = Math.max(max, backlog);
                last = backlog;
            }
            publisher.join();
            Thread.sleep(1000);
            last = Math.max(0, publishedCount.get() - (stored(connection) - alreadyStored));
        }
        return new long[] {max, last};
    }

    private static long stored(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT (SELECT count(*) FROM audit_entry) + (SELECT count(*) FROM call_record)")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Production-like JVM options (C2, fixed heap, one event loop per core), or {@code keygate.service.jvm-options}. */
    private static List<String> serviceJvm() {
        String configured = System.getProperty(ServiceProcess.JVM_OPTIONS);
        if (configured != null && !configured.isBlank()) {
            return List.of(configured.trim().split("\\s+"));
        }
        return List.of(
                "-Xms512m",
                "-Xmx512m",
                "-Dquarkus.vertx.event-loops-pool-size=" + Runtime.getRuntime().availableProcessors());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
