package io.keygate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.keygate.events.policy.PlanCreated;
import io.keygate.events.policy.PlanRateLimit;
import io.keygate.events.token.RateLimitPeriod;
import io.keygate.testkit.FreePorts;
import io.keygate.testkit.KafkaBroker;
import io.keygate.testkit.RedisServer;
import io.keygate.testkit.RunDirectory;
import io.keygate.testkit.Testkit;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How exactly gateways sharing a limit hold it (issue 6): three gateway processes (their own JVMs and ports, the same
 * Redis, the same mode) enforce one plan rate limit of L per second on the keys of one application, and wrk drives
 * all three at once, far above L, for a phase. Admitted (what reached the upstream, by its own count) is compared with
 * allowed (L × the phase + what the bucket holds when full), per mode, median of several runs. Aims: ±2 % in cluster
 * mode, ±10 % in hybrid mode.
 *
 * <p>Usage: {@link RateLimitAccuracyOptions#USAGE}.
 */
public final class RateLimitAccuracyBench {

    private static final int GATEWAYS = 3;
    private static final String REDIS_TIMEOUT = "1s";
    private static final Duration GATEWAY_READY_TIMEOUT = Duration.ofMinutes(3);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final RateLimitAccuracyOptions options;
    private final Path root;
    private final Path script;
    private final RunDirectory run;
    private final Wrk wrk;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private BenchKeys keys;

    private RateLimitAccuracyBench(RateLimitAccuracyOptions options, Path root, RunDirectory run) {
        this.options = options;
        this.root = root;
        this.script = root.resolve("bench/load/rotate-api-keys.lua");
        this.run = run;
        // One wrk per gateway: with 2 cores, one thread each is what the machine can give them.
        this.wrk = new Wrk(1, options.connections());
    }

    public static void main(String[] args) throws Exception {
        RateLimitAccuracyOptions options = RateLimitAccuracyOptions.parse(args);
        Path root = Path.of(System.getProperty("keygate.repository.root", "."))
                .toAbsolutePath()
                .normalize();
        RunDirectory run = RunDirectory.create("bench-rate-limit");
        RateLimitAccuracyBench bench = new RateLimitAccuracyBench(options, root, run);
        Runtime.getRuntime().addShutdownHook(new Thread(bench::stopAll, "bench-shutdown"));
        try {
            bench.run();
        } finally {
            bench.stopAll();
            Testkit.stopAll();
            run.delete();
        }
    }

    private void run() throws Exception {
        KafkaBroker kafka = Testkit.kafka();
        RedisServer redis = Testkit.redis();
        NginxPeer upstream = started(NginxPeer.upstream(run, FreePorts.next()));
        BenchTenant tenant = new BenchTenant(1);
        keys = BenchKeys.create(tenant, options.keys(), run.path(), BenchKeys.newPepper());
        PlanRateLimit limit = new PlanRateLimit(options.limit(), RateLimitPeriod.SECOND, options.burst());
        keys.publish(kafka.bootstrapServers(), upstream.url(), List.of(new PlanCreated(tenant.plan(limit))));

        Map<String, List<AccuracyRun>> results = new LinkedHashMap<>();
        for (String mode : options.modes()) {
            List<BenchGateway> gateways = startGateways(mode, kafka, redis);
            if (!options.warmup().isZero()) {
                awaitFullBucket();
                load(gateways, upstream, options.warmup());
            }
            for (int r = 1; r <= options.runs(); r++) {
                awaitFullBucket();
                AccuracyRun result = load(gateways, upstream, options.phase());
                results.computeIfAbsent(mode, m -> new ArrayList<>()).add(result);
                System.out.println(String.format(
                        Locale.ROOT,
                        "%s run %d: admitted %d (wrk 2xx %d, refused %d) of allowed %.0f = %.2f %%, offered %.1f × L, %d decided"
                                + " locally",
                        mode,
                        r,
                        result.admitted(),
                        result.admittedByWrk(),
                        result.refused(),
                        result.allowed(),
                        100 * result.ratio(),
                        result.overload(options.limit()),
                        result.decidedLocally()));
            }
            close(gateways);
        }
        System.out.println(RateLimitAccuracyReport.table(options, GATEWAYS, results));
    }

    /** Three gateways in {@code mode}, one proxy event loop each, each ready and answering 200 to one key. */
    private List<BenchGateway> startGateways(String mode, KafkaBroker kafka, RedisServer redis) throws Exception {
        List<BenchGateway> gateways = new ArrayList<>();
        for (int i = 1; i <= GATEWAYS; i++) {
            gateways.add(started(BenchGateway.start(
                    root,
                    "gateway-" + mode + "-" + i,
                    kafka.bootstrapServers(),
                    keys.pepper(),
                    jvmOptions(),
                    Map.of(
                            "keygate.gateway.rate-limit.mode",
                            mode,
                            "keygate.gateway.rate-limit.redis-url",
                            redis.url(),
                            // Three gateways, Kafka, Redis, nginx and wrk on 2 cores: an answer can take longer than
                            // the production 50 ms, and a call decided locally is the fallback, not the mode measured.
                            "keygate.gateway.rate-limit.redis-timeout",
                            REDIS_TIMEOUT,
                            "keygate.gateway.proxy.instances",
                            "1"))));
        }
        for (BenchGateway gateway : gateways) {
            gateway.awaitReady(GATEWAY_READY_TIMEOUT);
            HttpResponse<String> probe = HTTP.send(
                    HttpRequest.newBuilder(URI.create(gateway.proxyUrl() + BenchTenant.PATH))
                            .header("X-API-Key", keys.secrets().get(0))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (probe.statusCode() != 200) {
                throw new IllegalStateException(
                        "gateway " + gateway.proxyUrl() + " answered " + probe.statusCode() + ": " + probe.body());
            }
        }
        return gateways;
    }

    /** Stops a mode's gateways (the upstream, Kafka and Redis stay for the next mode). */
    private synchronized void close(List<BenchGateway> gateways) {
        for (BenchGateway gateway : gateways) {
            started.remove(gateway);
            gateway.close();
        }
    }

    /** One wrk per gateway, all at once, for {@code duration}; the upstream counts what was admitted. */
    private AccuracyRun load(List<BenchGateway> gateways, NginxPeer upstream, Duration duration) throws Exception {
        long locallyBefore = decidedLocally(gateways);
        long before = upstream.handledRequests();
        List<Process> loads = new ArrayList<>();
        for (BenchGateway gateway : gateways) {
            loads.add(
                    wrk.start(script, gateway.proxyUrl(), duration, keys.file().toString(), BenchTenant.PATH));
        }
        long requests = 0;
        long refused = 0;
        long longestMicros = 0;
        for (Process load : loads) {
            JsonNode figures = Wrk.figures(load);
            long failures = figures.get("errors").asLong()
                    - figures.get("status_errors").asLong();
            if (failures > 0) {
                throw new IllegalStateException("wrk saw " + failures + " socket errors or timeouts: " + figures);
            }
            requests += figures.get("requests").asLong();
            refused += figures.get("status_errors").asLong();
            longestMicros = Math.max(longestMicros, figures.get("duration_us").asLong());
        }
        // Both status reads count themselves: the later one is handled after its count is taken.
        long admitted = upstream.handledRequests() - before - 1;
        return AccuracyRun.of(
                requests,
                admitted,
                requests - refused,
                refused,
                longestMicros / 1e6,
                options.limit(),
                options.capacity(),
                decidedLocally(gateways) - locallyBefore);
    }

    /** Calls the gateways decided locally because Redis did not answer in time, since they started. */
    private static long decidedLocally(List<BenchGateway> gateways) throws Exception {
        long calls = 0;
        for (BenchGateway gateway : gateways) {
            calls += (long) gateway.metric("keygate_gateway_ratelimit_decided_locally_total");
        }
        return calls;
    }

    /**
     * Waits until the plan's bucket is full again after the last load (it refills at L per second; hybrid leases
     * expire well within that), so every run starts from the same state. The bench's own clock: no assertion on it.
     */
    private void awaitFullBucket() throws InterruptedException {
        Thread.sleep(
                Duration.ofSeconds(1 + options.capacity() / options.limit()).toMillis());
    }

    private synchronized <T extends AutoCloseable> T started(T server) {
        started.push(server);
        return server;
    }

    private synchronized void stopAll() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("Could not stop a server of the bench: " + e);
            }
        }
    }

    /** The gateways' JVM options, given by the script (small heap, C2, one event loop). */
    private static String jvmOptions() {
        String options = System.getProperty("keygate.bench.gateway-jvm");
        if (options == null || options.isBlank()) {
            throw new IllegalStateException(
                    "-Dkeygate.bench.gateway-jvm (the gateways' JVM options) is not set: run bench/rate-limit-accuracy.sh");
        }
        return options;
    }
}
