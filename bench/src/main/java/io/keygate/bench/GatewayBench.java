package io.keygate.bench;

import io.keygate.events.token.ApiKeyState;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The edge gateway beside nginx (issue 6), same machine, same run, medians of several runs: wrk against the
 * upstream directly (a), nginx as a plain reverse proxy (b), nginx with an API-key {@code map} and
 * {@code limit_req} per key (c), the gateway with key auth, scope, subscription, local rate limit and call records
 * (d), and as (d) with the rate limit counted in Redis (e). Every line gets the same requests (one path, the same
 * keys in turn in {@code X-API-Key}: {@code load/rotate-api-keys.lua}) to the same upstream, and the lines are
 * interleaved run after run (a b c d e, a b c d e, …) so that a disturbance hits them alike.
 *
 * <p>Then, with the gateway of (d): revocation propagation, key after key. Then a cold start on a broker of its own.
 *
 * <p>Usage: {@link GatewayBenchOptions#USAGE}.
 */
public final class GatewayBench {

    /** How many applications (each with an approved subscription) the keys are spread over. */
    private static final int APPLICATIONS = 100;

    private static final Duration GATEWAY_READY_TIMEOUT = Duration.ofMinutes(3);
    /** nginx has no JIT to warm: a short run only opens its connections. */
    private static final Duration NGINX_WARMUP = Duration.ofSeconds(5);

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

    private final GatewayBenchOptions options;
    private final Path root;
    private final Path load;
    private final RunDirectory run;
    private final Wrk wrk;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<GatewayLine, String> urls = new EnumMap<>(GatewayLine.class);
    private final Map<GatewayLine, String> unavailable = new EnumMap<>(GatewayLine.class);
    /** The process of each JVM line, whose JIT the warm-up waits for. */
    private final Map<GatewayLine, JitActivity> jits = new EnumMap<>(GatewayLine.class);
    /** The server of each line, whose CPU per request the measured runs report. */
    private final Map<GatewayLine, CpuClock> clocks = new EnumMap<>(GatewayLine.class);

    private final BenchTenant tenant = new BenchTenant(APPLICATIONS);
    private final String pepper = BenchKeys.newPepper();
    private BenchKeys keys;
    private BenchGateway localGateway;
    private RedisServer redis;

    private GatewayBench(GatewayBenchOptions options, Path root, RunDirectory run) {
        this.options = options;
        this.root = root;
        this.load = root.resolve("bench/load");
        this.run = run;
        int threads = Math.min(options.connections(), Runtime.getRuntime().availableProcessors());
        this.wrk = new Wrk(threads, options.connections());
    }

    public static void main(String[] args) throws Exception {
        GatewayBenchOptions options = GatewayBenchOptions.parse(args);
        Path root = Path.of(System.getProperty("keygate.repository.root", "."))
                .toAbsolutePath()
                .normalize();
        RunDirectory run = RunDirectory.create("bench-gateway");
        GatewayBench bench = new GatewayBench(options, root, run);
        // Ctrl-C stops nginx and the gateways too, not only the testkit's servers.
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
        if (options.measuresThroughputOrRevocation()) {
            measureThroughputAndRevocation();
        }
        // The cold start has a broker of its own: nothing of the lines above may take CPU or memory from it.
        stopAll();
        Testkit.stopAll();
        if (options.coldStartKeys() > 0) {
            ColdStart.Result coldStart = ColdStart.measure(
                    options.coldStartKeys(),
                    options.coldStarts(),
                    tenant,
                    bootstrap -> BenchGateway.start(
                            root,
                            "gateway-cold",
                            bootstrap,
                            pepper,
                            jvmOptions("keygate.bench.cold-start-jvm"),
                            Map.of()));
            System.out.println(GatewayReport.coldStart(coldStart));
        }
    }

    /** The lines (a) to (e) under load, then revocation propagation through the gateway of (d). */
    private void measureThroughputAndRevocation() throws Exception {
        KafkaBroker kafka = Testkit.kafka();
        NginxPeer upstream = started(NginxPeer.upstream(run, FreePorts.next()));
        publishState(kafka.bootstrapServers(), upstream.url());
        urls.put(GatewayLine.A, upstream.url());
        clocks.put(GatewayLine.A, new CpuClock(upstream.pid()));
        startPeers(kafka, upstream);
        warmUp();
        if (!options.lines().isEmpty()) {
            Map<GatewayLine, List<CpuClock.CpuPerRequest>> cpu = new EnumMap<>(GatewayLine.class);
            Map<GatewayLine, List<LoadResult>> results = measure(cpu);
            System.out.println(GatewayReport.throughput(options, results, cpu, unavailable));
        }
        if (options.revocations() > 0) {
            System.out.println(GatewayReport.revocation(options.revocations(), revocationDelays(kafka)));
        }
    }

    /** The keys (secrets to a file for wrk, their states to the topic), the route and the subscriptions. */
    private void publishState(String bootstrap, String upstreamUrl) throws Exception {
        keys = BenchKeys.create(tenant, options.keys(), run.path(), pepper);
        keys.publish(bootstrap, upstreamUrl, List.of());
    }

    /** nginx (b) and (c), the gateways (d) and (e), each probed with one request before any load. */
    private void startPeers(KafkaBroker kafka, NginxPeer upstream) throws Exception {
        int upstreamPort =
                Integer.parseInt(upstream.url().substring(upstream.url().lastIndexOf(':') + 1));
        if (options.lines().contains(GatewayLine.B)) {
            NginxPeer proxy = started(NginxPeer.reverseProxy(run, FreePorts.next(), upstreamPort));
            urls.put(GatewayLine.B, proxy.url());
            clocks.put(GatewayLine.B, new CpuClock(proxy.pid()));
        }
        if (options.lines().contains(GatewayLine.C)) {
            List<String> map = new ArrayList<>();
            List<String> secrets = keys.secrets();
            for (int i = 0; i < secrets.size(); i++) {
                map.add(NginxPeer.keyMapLine(secrets.get(i), tenant.applicationOf(i)));
            }
            NginxPeer keyMap = started(NginxPeer.keyMapProxy(run, FreePorts.next(), upstreamPort, map));
            urls.put(GatewayLine.C, keyMap.url());
            clocks.put(GatewayLine.C, new CpuClock(keyMap.pid()));
        }
        if (options.lines().contains(GatewayLine.M)) {
            MinimalProxyPeer minimal = started(MinimalProxyPeer.start(
                    run,
                    FreePorts.next(),
                    upstreamPort,
                    jvmOptions("keygate.bench.gateway-jvm"),
                    Runtime.getRuntime().availableProcessors()));
            urls.put(GatewayLine.M, minimal.url());
            jits.put(GatewayLine.M, new JitActivity(minimal.pid()));
            clocks.put(GatewayLine.M, new CpuClock(minimal.pid()));
        }
        if (options.needsLocalGateway()) {
            localGateway = started(gateway("gateway-d", kafka, Map.of()));
            localGateway.awaitReady(GATEWAY_READY_TIMEOUT);
            urls.put(GatewayLine.D, localGateway.proxyUrl());
            jits.put(GatewayLine.D, new JitActivity(localGateway.pid()));
            clocks.put(GatewayLine.D, new CpuClock(localGateway.pid()));
        }
        if (options.lines().contains(GatewayLine.E)) {
            startClusterGateway(kafka);
        }
        for (GatewayLine line : options.lines()) {
            if (urls.containsKey(line)) {
                probe(line);
            }
        }
    }

    /** (e): until the gateway has cluster rate limiting, it may refuse the mode or ignore it: then (e) is skipped. */
    private void startClusterGateway(KafkaBroker kafka) {
        try {
            redis = Testkit.redis();
            BenchGateway cluster = started(gateway(
                    "gateway-e",
                    kafka,
                    Map.of(
                            "keygate.gateway.rate-limit.mode",
                            "cluster",
                            "keygate.gateway.rate-limit.redis-url",
                            redis.url())));
            cluster.awaitReady(GATEWAY_READY_TIMEOUT);
            urls.put(GatewayLine.E, cluster.proxyUrl());
            jits.put(GatewayLine.E, new JitActivity(cluster.pid()));
            clocks.put(GatewayLine.E, new CpuClock(cluster.pid()));
        } catch (RuntimeException e) {
            System.err.println("(e) is not available: " + e.getMessage());
            unavailable.put(GatewayLine.E, "the gateway did not start in cluster mode: " + reasonOf(e));
        }
    }

    private BenchGateway gateway(String id, KafkaBroker kafka, Map<String, String> extra) {
        return BenchGateway.start(
                root, id, kafka.bootstrapServers(), pepper, jvmOptions("keygate.bench.gateway-jvm"), extra);
    }

    /** One request with the first key: the line must answer 200 before it is measured. */
    private void probe(GatewayLine line) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(urls.get(line) + BenchTenant.PATH))
                                .header("X-API-Key", keys.secrets().get(0))
                                .timeout(PROBE_TIMEOUT)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            String problem =
                    line.letter() + " answered " + response.statusCode() + " to a valid key: " + response.body();
            if (line != GatewayLine.E) {
                throw new IllegalStateException(problem);
            }
            unavailable.put(line, problem);
            urls.remove(line);
        }
    }

    /** Warms every line up; (e) must have sent commands to Redis while warming up, or it is not what it claims. */
    private void warmUp() throws Exception {
        for (GatewayLine line : options.lines()) {
            if (!urls.containsKey(line)) {
                continue;
            }
            // JVM lines need their JIT warm; nginx does not.
            boolean jvm = line == GatewayLine.D || line == GatewayLine.E || line == GatewayLine.M;
            Duration warmup = jvm ? options.warmup() : min(options.warmup(), NGINX_WARMUP);
            if (warmup.isZero()) {
                continue;
            }
            long redisBefore = line == GatewayLine.E ? RedisCommandCount.of(redis.port()) : 0;
            long[] operations = {0};
            JitActivity.Round round = n -> {
                LoadResult result = load(line, n == 1 ? warmup : JitActivity.ROUND);
                if (result == null) {
                    return false;
                }
                operations[0] += result.operations();
                return true;
            };
            JitActivity jit = jits.get(line);
            if (jit != null) {
                jit.warmUntilQuiet("(" + line.letter() + ")", round);
            } else {
                round.load(1);
            }
            if (line == GatewayLine.E && operations[0] > 0 && urls.containsKey(line)) {
                long commands = RedisCommandCount.of(redis.port()) - redisBefore;
                if (commands < operations[0] / 100) {
                    unavailable.put(
                            line,
                            "the gateway sent " + commands + " commands to Redis for " + operations[0]
                                    + " requests: it does not count them in Redis (cluster mode missing)");
                    urls.remove(line);
                }
            }
        }
    }

    /** The measured runs, the lines interleaved; what each request cost in CPU goes to {@code cpu}. */
    private Map<GatewayLine, List<LoadResult>> measure(Map<GatewayLine, List<CpuClock.CpuPerRequest>> cpu)
            throws Exception {
        Map<GatewayLine, List<LoadResult>> results = new EnumMap<>(GatewayLine.class);
        for (int r = 1; r <= options.runs(); r++) {
            StringBuilder progress = new StringBuilder("run " + r + ":");
            for (GatewayLine line : options.lines()) {
                if (!urls.containsKey(line)) {
                    continue;
                }
                CpuClock clock = clocks.get(line);
                CpuClock.Reading before = clock == null ? null : clock.read();
                LoadResult result = load(line, options.phase());
                CpuClock.Reading after = clock == null ? null : clock.read();
                if (result != null) {
                    results.computeIfAbsent(line, l -> new ArrayList<>()).add(result);
                    if (before != null && after != null) {
                        cpu.computeIfAbsent(line, l -> new ArrayList<>()).add(after.since(before, result.operations()));
                    }
                    progress.append(
                            " %s %.0f/s p99 %.2f ms;".formatted(line.letter(), result.perSecond(), result.p99Millis()));
                }
            }
            System.out.println(progress);
        }
        return results;
    }

    /** One wrk run against a line; a failed run of (e) makes it unavailable, of any other line ends the bench. */
    private LoadResult load(GatewayLine line, Duration duration) throws Exception {
        try {
            return wrk.run(
                    load.resolve("rotate-api-keys.lua"),
                    urls.get(line),
                    duration,
                    keys.file().toString(),
                    BenchTenant.PATH);
        } catch (IllegalStateException e) {
            if (line != GatewayLine.E) {
                throw e;
            }
            System.err.println("(e) is not available: " + e.getMessage());
            unavailable.put(line, reasonOf(e));
            urls.remove(line);
            return null;
        }
    }

    /** Revokes the last keys one after another through the gateway of (d). */
    private Histogram revocationDelays(KafkaBroker kafka) throws Exception {
        List<ApiKeyState> states = keys.states();
        List<String> secrets = keys.secrets();
        int from = states.size() - options.revocations();
        try (StatePublisher publisher = new StatePublisher(kafka.bootstrapServers(), 0)) {
            return new RevocationProbe(publisher, tenant, localGateway.proxyUrl())
                    .measure(states.subList(from, states.size()), secrets.subList(from, secrets.size()));
        }
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

    /** The gateway's JVM options, given by the script (production-like: fixed heap, C2, event loops = cores). */
    private static String jvmOptions(String property) {
        String options = System.getProperty(property);
        if (options == null || options.isBlank()) {
            throw new IllegalStateException(
                    "-D" + property + " (the gateway's JVM options) is not set: run bench/gateway.sh");
        }
        return options;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * The line of a failure that says most (a configuration error, an exception, else its first line), shortened to
     * fit the report; the whole failure goes to stderr.
     */
    private static String reasonOf(Exception e) {
        String message = String.valueOf(e.getMessage());
        List<String> lines = message.lines().toList();
        String reason = lines.stream()
                .filter(line -> line.contains("SRCFG") || line.contains("ERROR"))
                .findFirst()
                .or(() -> lines.stream()
                        .filter(line -> line.contains("Exception"))
                        .findFirst())
                .orElse(lines.isEmpty() ? message : lines.get(0));
        return reason.length() > 300 ? reason.substring(0, 300) + "…" : reason;
    }
}
