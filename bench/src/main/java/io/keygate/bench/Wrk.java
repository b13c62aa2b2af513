package io.keygate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs Debian's {@code wrk} with one of the Lua scripts under {@code bench/load/}, whose {@code done()} prints
 * its figures as one JSON line. wrk is a native, event-driven load generator: on a machine whose cores the
 * service, PostgreSQL and Kafka share, it takes a fraction of the CPU a JVM HTTP client would.
 */
final class Wrk {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int threads;
    private final int connections;
    private volatile String sessionToken;

    Wrk(int threads, int connections) {
        this.threads = threads;
        this.connections = connections;
    }

    int threads() {
        return threads;
    }

    /**
     * Later runs send this dashboard session's access token (the scripts read {@code KEYGATE_SESSION_TOKEN} from the
     * environment, so the token is not on wrk's command line).
     */
    void useSession(String accessToken) {
        this.sessionToken = accessToken;
    }

    /** Runs {@code script} against {@code url} for {@code duration}; any failed request fails the run. */
    LoadResult run(Path script, String url, Duration duration, String... scriptArguments)
            throws IOException, InterruptedException {
        JsonNode result = figures(start(script, url, duration, scriptArguments));
        if (result.get("errors").asLong() > 0) {
            throw new IllegalStateException("wrk saw failed requests: " + result);
        }
        long requests = result.get("requests").asLong();
        return new LoadResult(
                requests,
                requests / (result.get("duration_us").asLong() / 1e6),
                result.get("p50_us").asLong() / 1000.0,
                result.get("p99_us").asLong() / 1000.0,
                result.get("max_us").asLong() / 1000.0);
    }

    /** Starts {@code script} against {@code url} for {@code duration}, without waiting: several can run at once. */
    Process start(Path script, String url, Duration duration, String... scriptArguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                "wrk",
                "-t" + threads,
                "-c" + connections,
                "-d" + duration.toSeconds() + "s",
                "--timeout",
                "10s",
                "-s",
                script.toString(),
                url,
                "--"));
        command.addAll(List.of(scriptArguments));
        ProcessBuilder process = new ProcessBuilder(command).redirectErrorStream(true);
        if (sessionToken != null) {
            process.environment().put("KEYGATE_SESSION_TOKEN", sessionToken);
        }
        return process.start();
    }

    /** Waits for a started wrk and returns the JSON line its script's {@code done()} printed. */
    static JsonNode figures(Process wrk) throws IOException, InterruptedException {
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        String figures = output.lines()
                .filter(line -> line.startsWith("{\"requests\""))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("wrk printed no figures:\n" + output));
        return JSON.readTree(figures);
    }
}
