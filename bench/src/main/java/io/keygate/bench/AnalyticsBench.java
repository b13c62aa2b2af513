package io.keygate.bench;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * analytics-service's throughput beside its limit, in the same run on the same machine: call records counted per
 * second (rolled up with histograms, client addresses, anomaly detection, idempotency by offset watermark, all
 * committed in PostgreSQL) against the rate a plain {@code KafkaConsumer} reads the same topic, decoding each CloudEvent the
 * standard way (the CloudEvents SDK, then {@code EventCodec}; the service reads the gateways' records with its own
 * reader, which skips what it does not count). Once a set the same consumer also reads without decoding, for scale.
 * Each run reads all records from the beginning with a fresh consumer group (and, for the service, a fresh
 * database and process); the rate is taken over the second half of the records, after the JIT has warmed up. The raw
 * read runs before the first service run and after each one, and each service run is set against the two reads around
 * it.
 *
 * <p>Usage: {@code bench/analytics.sh [records] [runs]}.
 */
public final class AnalyticsBench {

    private static final Pattern COUNTED =
            Pattern.compile("(?m)^keygate_analytics_calls_counted_total(?:\\{[^}]*})? (\\S+)$");
    private static final Pattern APPENDED =
            Pattern.compile("(?m)^keygate_analytics_rollup_rows_appended_total(?:\\{[^}]*})? (\\S+)$");
    private static final Pattern COMPACTED =
            Pattern.compile("(?m)^keygate_analytics_rollup_rows_compacted_total(?:\\{[^}]*})? (\\S+)$");

    /** Receive-time rate of the generated calls: the gateway's top throughput on this kind of machine. */
    private static final int GATEWAY_CALLS_PER_SECOND = 15_000;

    /**
     * Time between compaction rounds during a run ({@code KEYGATE_BENCH_COMPACTION_INTERVAL}, "off" for none). The
     * service ingests 3–5 minutes of receive time per minute here, so a round every 20 s takes about the one to two
     * minutes a round of the default interval (1 min) takes from a service keeping up with the gateway. The stream's
     * calls are minutes old, so the service is behind all through a run and rounds take their budget
     * ({@code compaction.budget-while-behind}); each run is therefore measured twice: counted, and counted with every
     * pending row compacted, so the work compaction left for after counting is in the second figure.
     */
    private static final String COMPACTION_INTERVAL =
            System.getenv().getOrDefault("KEYGATE_BENCH_COMPACTION_INTERVAL", "PT20S");

    private AnalyticsBench() {}

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 3_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path root = Path.of(System.getProperty("keygate.repository.root", "."))
                .toAbsolutePath()
                .normalize();
        KafkaBroker kafka = Testkit.kafka();
        PostgresServer postgres = Testkit.postgres();
        RunDirectory run = RunDirectory.create("bench-analytics");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            KafkaTopics.ensureExist(admin, List.of(Topic.CALLS, Topic.ALERTS), (short) 1);
        }
        long start = System.nanoTime();
        produce(kafka, records);
        System.out.printf(
                Locale.ROOT, "produced %d call records in %.1f s%n", records, (System.nanoTime() - start) / 1e9);

        // A first read only warms the raw reader's JIT up: the service is measured over the second half of each
        // run, and a cold first raw read would understate the limit and flatter the first run's ratio.
        rawRead(kafka, records, "bench-raw-warm-up-" + UUID.randomUUID());
        // The raw read runs before the first service run and after each one, and each run is set against the mean
        // of the reads on either side of it: the machine's speed drifts over minutes, more than the runs differ.
        List<Double> raw = new ArrayList<>();
        List<Double> analytics = new ArrayList<>();
        List<Double> compacted = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Double> compactedRatios = new ArrayList<>();
        QuietMachine.awaitBefore("raw read 0");
        raw.add(rawRead(kafka, records, "bench-raw-0-" + UUID.randomUUID()));
        ServiceLauncher launcher = new ServiceLauncher(root, run, kafka, postgres, FreePorts.next());
        for (int r = 1; r <= runs; r++) {
            QuietMachine.awaitBefore("run " + r);
            Rates rates = analyticsRate(launcher, postgres, records, r);
            QuietMachine.awaitBefore("raw read " + r);
            raw.add(rawRead(kafka, records, "bench-raw-" + r + "-" + UUID.randomUUID()));
            double around = (raw.get(r - 1) + raw.get(r)) / 2;
            analytics.add(rates.counted());
            compacted.add(rates.compacted());
            ratios.add(rates.counted() / around);
            compactedRatios.add(rates.compacted() / around);
            System.out.printf(
                    Locale.ROOT,
                    "run %d: raw read %.0f records/s (before %.0f, after %.0f), analytics %.0f records/s (%.1f %%),"
                            + " counted and compacted %.0f records/s (%.1f %%)%n",
                    r,
                    around,
                    raw.get(r - 1),
                    raw.get(r),
                    rates.counted(),
                    100 * ratios.get(r - 1),
                    rates.compacted(),
                    100 * compactedRatios.get(r - 1));
        }
        // Once a set, for scale: what the broker and the client deliver when nothing is decoded.
        QuietMachine.awaitBefore("undecoded read");
        double undecoded = bytesRead(kafka, records, "bench-bytes-" + UUID.randomUUID());
        System.out.printf(
                Locale.ROOT,
                "%n| line | records/s (median) |%n|---|---|%n| raw KafkaConsumer read (CloudEvent decode), %d reads"
                        + " | %.0f |%n| analytics-service counted (compaction every %s), %d runs | %.0f |%n"
                        + "| analytics-service counted, and every pending row compacted | %.0f |%n"
                        + "| KafkaConsumer read decoding nothing (for scale), 1 read | %.0f |%n%n"
                        + "Per run against the raw reads around it, median of %d runs (not the quotient of the medians"
                        + " above): analytics / raw = %.1f %% (aim >= 50 %%); counted and compacted / raw = %.1f %%%n",
                raw.size(),
                median(raw),
                COMPACTION_INTERVAL,
                runs,
                median(analytics),
                median(compacted),
                undecoded,
                runs,
                100 * median(ratios),
                100 * median(compactedRatios));
    }

    /**
     * Call records as a gateway at its top rate publishes them: 15,000 calls per second of receive time, 10,000 keys
     * of 10 tenants with skewed popularity (a few keys make most calls, as in real traffic), each key calling its
     * own route (one call in ten another one) from its own address; 85 % 200, 5 % 404, 5 % 401 (from any of 2,000
     * addresses: probing), 5 % 502.
     */
    private static void produce(KafkaBroker kafka, int records) throws Exception {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        EventCodec codec = new EventCodec();
        Random random = new Random(8);
        Instant base = Instant.now().minus(Duration.ofMinutes(10));
        long spacingNanos = 1_000_000_000L / GATEWAY_CALLS_PER_SECOND;
        try (KafkaProducer<String, CloudEvent> producer =
                new KafkaProducer<>(config, new StringSerializer(), new CloudEventSerializer())) {
            for (int i = 0; i < records; i++) {
                int draw = random.nextInt(100);
                int status = draw < 85 ? 200 : draw < 90 ? 404 : draw < 95 ? 401 : 502;
                int k = (int) (10_000 * Math.pow(random.nextDouble(), 3));
                String key = "key_bench_" + k;
                int route = random.nextInt(10) == 0 ? (k + 1) % 20 : k % 20;
                String ip = status == 401
                        ? "198.51." + random.nextInt(8) + "." + random.nextInt(250)
                        : "10.0." + (k % 8) + "." + (k % 250);
                CallRecorded call = new CallRecorded(
                        "req-" + i,
                        "gw-1",
                        "tenant-" + (k % 10),
                        "rt_" + route,
                        key,
                        null,
                        "GET",
                        "/bench/items",
                        status,
                        status == 401 ? CallOutcome.REVOKED_KEY : CallOutcome.PROXIED,
                        (long) (200 * Math.exp(random.nextGaussian())),
                        random.nextInt(2_000),
                        random.nextInt(20_000),
                        ip,
                        base.plusNanos(i * spacingNanos));
                EventEnvelope<CallRecorded> envelope =
                        EventEnvelope.create("/edge-gateway", 0, call.receivedAt(), call.requestId(), null, call);
                producer.send(new ProducerRecord<>(Topic.CALLS.topicName(), key, codec.toCloudEvent(envelope)));
            }
            producer.flush();
        }
    }

    /**
     * A plain consumer reading every record from the beginning and decoding each CloudEvent the standard way (the
     * CloudEvents SDK's deserializer, then {@link EventCodec} into the {@link CallRecorded}), as any subscriber of the
     * documented events does; records/s.
     */
    private static double rawRead(KafkaBroker kafka, int records, String group) {
        EventCodec codec = new EventCodec();
        return read(
                kafka,
                records,
                group,
                new CloudEventDeserializer(),
                event -> ((CallRecorded) codec.fromCloudEvent(event).data()).bytesIn());
    }

    /** The same consumer decoding nothing: the broker's and the Kafka client's own ceiling here; records/s. */
    private static double bytesRead(KafkaBroker kafka, int records, String group) {
        return read(kafka, records, group, new ByteArrayDeserializer(), value -> value.length);
    }

    private static <V> double read(
            KafkaBroker kafka, int records, String group, Deserializer<V> values, ToLongFunction<V> use) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        long read = 0;
        long halfAt = 0;
        long checksum = 0;
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < Topic.CALLS.partitions(); p++) {
                partitions.add(new TopicPartition(Topic.CALLS.topicName(), p));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (read < records) {
                ConsumerRecords<String, V> batch = consumer.poll(Duration.ofMillis(500));
                for (var record : batch) {
                    checksum += use.applyAsLong(record.value());
                    read++;
                    if (read == records / 2) {
                        halfAt = System.nanoTime();
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - halfAt) / 1e9;
        if (checksum < 0) {
            throw new IllegalStateException("unreachable");
        }
        return (records - records / 2) / seconds;
    }

    /**
     * Records per second over the second half of a run: counted (committed in PostgreSQL), and counted with every
     * pending row compacted too (until the rows compaction took caught up with those windows appended; with compaction
     * off, the same as counted).
     */
    private record Rates(double counted, double compacted) {}

    /** analytics-service started with a fresh group and database. */
    private static Rates analyticsRate(ServiceLauncher launcher, PostgresServer postgres, int records, int runNumber)
            throws Exception {
        int port = FreePorts.next();
        Map<String, String> extra = new HashMap<>();
        extra.put("mp.messaging.incoming.calls.group.id", "bench-analytics-" + runNumber + "-" + UUID.randomUUID());
        boolean compacting = !COMPACTION_INTERVAL.equals("off");
        if (compacting) {
            extra.put("keygate.analytics.compaction.interval", COMPACTION_INTERVAL);
        } else {
            extra.put("keygate.analytics.compaction.enabled", "false");
        }
        HttpClient http = HttpClient.newHttpClient();
        URI metrics = URI.create("http://127.0.0.1:" + port + "/q/metrics");
        String database = "bench_analytics_" + runNumber + "_" + System.nanoTime();
        try {
            try (ServiceProcess service = launcher.analyticsService(port, database, extra)) {
                service.awaitReady(Duration.ofMinutes(3));
                long halfAt = 0;
                double counted = 0;
                long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
                while (System.nanoTime() < deadline) {
                    String body = metrics(http, metrics);
                    long calls = (long) value(COUNTED, body);
                    if (halfAt == 0 && calls >= records / 2) {
                        halfAt = System.nanoTime();
                    }
                    if (counted == 0 && calls >= records) {
                        counted = (records - records / 2) / ((System.nanoTime() - halfAt) / 1e9);
                        if (!compacting) {
                            return new Rates(counted, counted);
                        }
                    }
                    if (counted > 0 && value(COMPACTED, body) >= value(APPENDED, body)) {
                        return new Rates(counted, (records - records / 2) / ((System.nanoTime() - halfAt) / 1e9));
                    }
                    // Every 100 ms: each scrape costs the service CPU (3-4 % of a core at every 50 ms).
                    Thread.sleep(100);
                }
                throw new IllegalStateException(
                        "analytics-service did not count and compact " + records + " records in 30 minutes");
            }
        } finally {
            // Its tables are vacuumed after the deletes of compaction; dropped, they are not, beside the next raw read.
            // A drop that fails must not hide why the run failed, nor end a run that succeeded.
            try {
                postgres.dropDatabase(database);
            } catch (RuntimeException e) {
                System.err.println("Could not drop " + database + ": " + e.getMessage());
            }
        }
    }

    private static String metrics(HttpClient http, URI metrics) throws Exception {
        return http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static double value(Pattern metric, String body) {
        Matcher m = metric.matcher(body);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
