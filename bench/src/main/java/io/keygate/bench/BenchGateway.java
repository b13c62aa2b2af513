package io.keygate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keygate.suite.ServiceProcess;
import io.keygate.testkit.FreePorts;
import io.keygate.testkit.LogTail;
import io.keygate.testkit.RunDirectory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One edge gateway as its own JVM from its packaged Quarkus application, with the JVM options given (the bench
 * passes production-like ones), its proxy and admin ports free ones, and the API-key pepper in its environment.
 * Each gateway has its own run directory, so several can run side by side.
 */
final class BenchGateway implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration READY_POLL = Duration.ofMillis(20);

    private final RunDirectory run;
    private final ServiceProcess process;
    private final int proxyPort;
    private final int adminPort;
    private final long startedNanos;

    private BenchGateway(RunDirectory run, ServiceProcess process, int proxyPort, int adminPort, long startedNanos) {
        this.run = run;
        this.process = process;
        this.proxyPort = proxyPort;
        this.adminPort = adminPort;
        this.startedNanos = startedNanos;
    }

    /**
     * Starts a gateway; returns at once ({@link #awaitReady} tells when it serves).
     *
     * @param id         its id in call records and the name of its run directory
     * @param jvmOptions space-separated JVM options
     * @param extra      more configuration, e.g. the rate-limit mode
     */
    static BenchGateway start(
            Path repositoryRoot,
            String id,
            String bootstrapServers,
            String pepper,
            String jvmOptions,
            Map<String, String> extra) {
        RunDirectory run = RunDirectory.create("bench-" + id);
        int proxyPort = FreePorts.next();
        int adminPort = FreePorts.next();
        Map<String, String> properties = new HashMap<>(extra);
        properties.put("quarkus.http.port", Integer.toString(adminPort));
        properties.put("quarkus.http.host", "127.0.0.1");
        properties.put("kafka.bootstrap.servers", bootstrapServers);
        properties.put("keygate.kafka.replication-factor", "1");
        properties.put("keygate.gateway.proxy.port", Integer.toString(proxyPort));
        properties.put("keygate.gateway.proxy.host", "127.0.0.1");
        properties.put("keygate.gateway.id", id);
        // ServiceProcess reads the JVM options of the services it starts from this system property.
        System.setProperty(ServiceProcess.JVM_OPTIONS, jvmOptions);
        long startedNanos = System.nanoTime();
        try {
            ServiceProcess process = ServiceProcess.start(
                    repositoryRoot,
                    run,
                    "edge-gateway",
                    adminPort,
                    properties,
                    Map.of("KEYGATE_API_KEY_PEPPER", pepper));
            return new BenchGateway(run, process, proxyPort, adminPort, startedNanos);
        } catch (RuntimeException e) {
            run.delete();
            throw e;
        }
    }

    /**
     * Waits until readiness ({@code /q/health/ready} on the admin port) answers 200: the gateway has read its
     * topics up to the end offsets it saw at start.
     *
     * @return the time from the process's start to ready, and the number of keys readiness reports
     */
    Readiness awaitReady(Duration timeout) {
        URI ready = URI.create("http://127.0.0.1:" + adminPort + "/q/health/ready");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isRunning()) {
                throw new IllegalStateException(
                        "The gateway exited; log " + process.log() + LogTail.of(process.log(), 30));
            }
            try {
                HttpResponse<String> response = HTTP.send(
                        HttpRequest.newBuilder(ready)
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (response.statusCode() == 200) {
                    Duration startToReady = Duration.ofNanos(System.nanoTime() - startedNanos);
                    return new Readiness(startToReady, keysOf(response.body()));
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the gateway", e);
            }
            pause(READY_POLL);
        }
        throw new IllegalStateException(
                "The gateway is not ready after " + timeout + "; log " + process.log() + LogTail.of(process.log(), 30));
    }

    /** How a gateway became ready. */
    record Readiness(Duration startToReady, long keys) {}

    /**
     * Bytes of the objects alive on the gateway's heap: {@code jcmd GC.class_histogram} runs a full GC first and
     * counts what is left.
     */
    long liveHeapBytes() throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process histogram = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "GC.class_histogram")
                .redirectErrorStream(true)
                .start();
        String output = new String(histogram.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (histogram.waitFor() != 0) {
            throw new IllegalStateException("jcmd failed:\n" + output);
        }
        // Last line: "Total <instances> <bytes>"
        return output.lines()
                .filter(line -> line.startsWith("Total"))
                .map(line -> Long.parseLong(line.trim().split("\\s+")[2]))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("jcmd printed no total:\n" + output));
    }

    /**
     * The value of a counter or gauge on its Prometheus endpoint ({@code /q/metrics}, e.g.
     * {@code keygate_gateway_ratelimit_decided_locally_total}), or 0 if it has none yet.
     */
    double metric(String name) throws IOException, InterruptedException {
        HttpResponse<String> metrics = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/q/metrics"))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return metrics.body()
                .lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** The proxy's URL. */
    /** The gateway's process id (to watch its JIT during warm-up). */
    long pid() {
        return process.pid();
    }

    String proxyUrl() {
        return "http://127.0.0.1:" + proxyPort;
    }

    /** Its log file. */
    Path log() {
        return process.log();
    }

    @Override
    public void close() {
        try {
            process.close();
        } finally {
            run.delete();
        }
    }

    private static long keysOf(String readiness) throws IOException {
        for (JsonNode check : JSON.readTree(readiness).path("checks")) {
            if (check.path("data").has("keys")) {
                return check.path("data").path("keys").asLong();
            }
        }
        return -1;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
