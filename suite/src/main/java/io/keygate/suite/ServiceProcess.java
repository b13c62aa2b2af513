package io.keygate.suite;

import io.keygate.testkit.ChildProcesses;
import io.keygate.testkit.LogTail;
import io.keygate.testkit.RunDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Keygate service running as its own JVM from its packaged Quarkus application
 * ({@code <module>/target/quarkus-app/quarkus-run.jar}), configured by system properties, logging to a
 * file in the run directory. Its pid is recorded so a killed run's services are swept like its servers.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int healthPort;
    /** System property with the services' JVM options, e.g. {@code -Xmx1g -XX:+UseParallelGC}. */
    public static final String JVM_OPTIONS = "keygate.service.jvm-options";

    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int healthPort, Process process, Path log) {
        this.name = name;
        this.healthPort = healthPort;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts a service.
     *
     * @param module     the module directory name, e.g. {@code token-service}
     * @param healthPort the port its Quarkus HTTP server (health, REST) listens on
     * @param properties configuration, passed as {@code -Dkey=value} (never secrets: they show in {@code ps})
     * @param secrets    configuration passed as environment variables, e.g. {@code KEYGATE_API_KEY_PEPPER}
     */
    public static ServiceProcess start(
            Path repositoryRoot,
            RunDirectory run,
            String module,
            int healthPort,
            Map<String, String> properties,
            Map<String, String> secrets) {
        return start(repositoryRoot, run, module, healthPort, properties, secrets, jvmOptions());
    }

    /** Starts a service with these JVM options instead of the configured ones (e.g. a small heap). */
    public static ServiceProcess start(
            Path repositoryRoot,
            RunDirectory run,
            String module,
            int healthPort,
            Map<String, String> properties,
            Map<String, String> secrets,
            List<String> jvmOptions) {
        Path jar = repositoryRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (mvn install -DskipTests)");
        }
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        Path log = run.path().resolve(module + ".log");
        if (Files.exists(log)) {
            // A restarted service logs next to its first run, not over it.
            log = run.path().resolve(module + "-" + System.nanoTime() + ".log");
        }
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(secrets);
            Process process = builder.directory(run.path().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            run.recordServerPid(module, process.pid());
            return new ServiceProcess(module, healthPort, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + module, e);
        }
    }

    /**
     * The services' JVM options: {@code keygate.service.jvm-options} (space-separated) if set, else options
     * that start five services fast on a small machine (small heap, serial GC, C1 only). Benchmarks set
     * production-like options instead, since C1-only code would understate what a service can do.
     */
    private static List<String> jvmOptions() {
        String configured = System.getProperty(JVM_OPTIONS);
        return configured == null || configured.isBlank()
                ? List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")
                : List.of(configured.trim().split("\\s+"));
    }

    /** Waits until {@code /q/health/ready} answers 200. */
    public void awaitReady(Duration timeout) {
        URI ready = URI.create("http://127.0.0.1:" + healthPort + "/q/health/ready");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        name + " exited with " + process.exitValue() + "; log " + log + LogTail.of(log, 30));
            }
            try {
                HttpResponse<Void> response = HTTP.send(
                        HttpRequest.newBuilder(ready)
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
            pause(200);
        }
        throw new IllegalStateException(name + " not ready after " + timeout + "; log " + log + LogTail.of(log, 30));
    }

    /** The service's name (its module). */
    public String name() {
        return name;
    }

    /** Its log file. */
    public Path log() {
        return log;
    }

    /** The process id, e.g. for {@code jcmd} (a benchmark reads the live heap of a service with it). */
    public long pid() {
        return process.pid();
    }

    /** Whether the process is running. */
    public boolean isRunning() {
        return process.isAlive();
    }

    /** Kills the service at once (SIGKILL): no shutdown hook runs, nothing is flushed or committed. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks the service to stop (SIGTERM: Quarkus shuts down gracefully), then forces it. */
    @Override
    public void close() {
        ChildProcesses.stop(process, Duration.ofSeconds(15));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
