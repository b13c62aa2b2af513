package io.keygate.bench;

import io.keygate.testkit.PostgresServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * Runs Debian's {@code pgbench} with a custom script against the testkit's PostgreSQL, and reads the
 * throughput from its summary and the latency distribution from its per-transaction log.
 */
final class PgBench {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    private final PostgresServer postgres;
    private final Path logDirectory;

    PgBench(PostgresServer postgres, Path logDirectory) {
        this.postgres = postgres;
        this.logDirectory = logDirectory;
    }

    /** Runs {@code script} from {@code clients} connections on {@code threads} threads for {@code duration}. */
    LoadResult run(Path script, String database, int clients, int threads, Duration duration)
            throws IOException, InterruptedException {
        Path logs = Files.createTempDirectory(logDirectory, "pgbench");
        List<String> command = List.of(
                "pgbench",
                "--no-vacuum",
                "--protocol=prepared",
                "--host=127.0.0.1",
                "--port=" + postgres.port(),
                "--username=" + PostgresServer.USER,
                "--client=" + clients,
                "--jobs=" + threads,
                "--time=" + duration.toSeconds(),
                "--file=" + script,
                "--log",
                "--log-prefix=" + logs.resolve("tx"),
                database);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", PostgresServer.PASSWORD);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed:\n" + output);
        }
        Matcher tps = TPS.matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench printed no throughput:\n" + output);
        }
        Histogram latencies = new Histogram(3_600_000_000L, 3);
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.toList()) {
                // Each line: client_id transaction_no latency_us script_no epoch_s epoch_us
                try (Stream<String> lines = Files.lines(file)) {
                    lines.forEach(line -> latencies.recordValue(Math.max(1, Long.parseLong(line.split(" ")[2]))));
                }
            }
        }
        return new LoadResult(
                latencies.getTotalCount(),
                Double.parseDouble(tps.group(1)),
                latencies.getValueAtPercentile(50) / 1000.0,
                latencies.getValueAtPercentile(99) / 1000.0,
                latencies.getMaxValue() / 1000.0);
    }
}
