package io.keygate.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.keygate.suite.ServiceLauncher;
import io.keygate.suite.ServiceProcess;
import io.keygate.testkit.FreePorts;
import io.keygate.testkit.PostgresServer;
import io.keygate.testkit.RunDirectory;
import io.keygate.testkit.Testkit;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.ToDoubleFunction;

/**
 * Key issuance and revocation throughput and latency of token-service under concurrency, beside the
 * limit it is built on: the raw rate of single-row insert transactions into the same PostgreSQL server,
 * from the same number of connections, in the same run. Medians over several runs.
 *
 * <p>Usage: {@code bench/token-service.sh [operations] [concurrency] [runs]}.
 */
public final class TokenServiceBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WARMUP_OPERATIONS = 8000;

    private TokenServiceBench() {}

    public static void main(String[] args) throws Exception {
        int operations = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path root = Path.of(System.getProperty("keygate.repository.root", "."))
                .toAbsolutePath()
                .normalize();

        PostgresServer postgres = Testkit.postgres();
        RunDirectory run = RunDirectory.create("bench");
        int port = FreePorts.next();
        try (ServiceProcess tokenService =
                new ServiceLauncher(root, run, Testkit.kafka(), postgres).tokenService(port)) {
            tokenService.awaitReady(Duration.ofMinutes(3));
            postgres.createDatabase("bench_raw");
            // HTTP/1.1 keep-alive, as API clients and load generators such as wrk speak it (no h2c upgrade).
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            // Long enough for C2 to compile the hot paths: the first runs otherwise measure the JIT.
            warmUp(http, port, WARMUP_OPERATIONS, concurrency);

            List<LoadResult> raw = new ArrayList<>();
            List<LoadResult> issued = new ArrayList<>();
            List<LoadResult> revoked = new ArrayList<>();
            for (int r = 1; r <= runs; r++) {
                raw.add(rawInserts(postgres, operations, concurrency, r));
                String tenant = "bench-" + r;
                BlockingQueue<String> keyIds = new ArrayBlockingQueue<>(operations);
                issued.add(ConcurrentLoad.run(operations, concurrency, i -> keyIds.add(createKey(http, port, tenant))));
                revoked.add(
                        ConcurrentLoad.run(operations, concurrency, i -> revokeKey(http, port, tenant, keyIds.take())));
                System.out.printf(
                        "run %d: raw %.0f/s, issue %.0f/s p99 %.1f ms, revoke %.0f/s p99 %.1f ms%n",
                        r,
                        raw.get(r - 1).perSecond(),
                        issued.get(r - 1).perSecond(),
                        issued.get(r - 1).p99Millis(),
                        revoked.get(r - 1).perSecond(),
                        revoked.get(r - 1).p99Millis());
            }
            System.out.println(report(operations, concurrency, runs, raw, issued, revoked));
        } finally {
            Testkit.stopAll();
            run.delete();
        }
    }

    private static void warmUp(HttpClient http, int port, int count, int concurrency) throws Exception {
        BlockingQueue<String> keyIds = new ArrayBlockingQueue<>(count);
        ConcurrentLoad.run(count, concurrency, i -> keyIds.add(createKey(http, port, "warmup")));
        ConcurrentLoad.run(count, concurrency, i -> revokeKey(http, port, "warmup", keyIds.take()));
    }

    private static String createKey(HttpClient http, int port, String tenant) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/tenants/" + tenant + "/api-keys"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\",\"scopes\":[\"orders:read\"]}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("issue answered " + response.statusCode());
        }
        return JSON.readTree(response.body()).get("id").asText();
    }

    private static void revokeKey(HttpClient http, int port, String tenant, String keyId) throws Exception {
        HttpResponse<Void> response = http.send(
                HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + port + "/tenants/" + tenant + "/api-keys/" + keyId + "/revoke"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"bench\"}"))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("revoke answered " + response.statusCode());
        }
    }

    /** Single-row INSERT transactions (autocommit), one connection per thread: the per-request limit. */
    private static LoadResult rawInserts(PostgresServer postgres, int operations, int concurrency, int run)
            throws Exception {
        String url = postgres.jdbcUrl("bench_raw");
        try (Connection setup = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD)) {
            setup.createStatement()
                    .execute(
                            "CREATE TABLE IF NOT EXISTS raw_key (key_id text PRIMARY KEY, tenant_id text "
                                    + "NOT NULL, key_hash text NOT NULL UNIQUE, payload jsonb NOT NULL, created_at timestamptz NOT NULL)");
        }
        ThreadLocal<PreparedStatement> statements = ThreadLocal.withInitial(() -> {
            try {
                Connection connection = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
                return connection.prepareStatement("INSERT INTO raw_key VALUES (?, ?, ?, ?::jsonb, now())");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return ConcurrentLoad.run(operations, concurrency, i -> {
            PreparedStatement insert = statements.get();
            String id = UUID.randomUUID().toString();
            insert.setString(1, "raw-" + run + "-" + id);
            insert.setString(2, "bench-" + run);
            insert.setString(3, id);
            insert.setString(4, "{\"name\":\"bench\",\"scopes\":[\"orders:read\"]}");
            insert.executeUpdate();
        });
    }

    private static String report(
            int operations,
            int concurrency,
            int runs,
            List<LoadResult> raw,
            List<LoadResult> issued,
            List<LoadResult> revoked) {
        double rawRate = median(raw, LoadResult::perSecond);
        double issueRate = median(issued, LoadResult::perSecond);
        return """

                | %d operations, %d concurrent, median of %d runs | ops/s | p50 ms | p99 ms | vs raw insert |
                |---|---:|---:|---:|---:|
                | PostgreSQL single-row insert transactions (the limit) | %.0f | %.2f | %.2f | 100 %% |
                | token-service: issue API key | %.0f | %.2f | %.2f | %.0f %% |
                | token-service: revoke API key | %.0f | %.2f | %.2f | %.0f %% |
                """.formatted(
                        operations,
                        concurrency,
                        runs,
                        rawRate,
                        median(raw, LoadResult::p50Millis),
                        median(raw, LoadResult::p99Millis),
                        issueRate,
                        median(issued, LoadResult::p50Millis),
                        median(issued, LoadResult::p99Millis),
                        100 * issueRate / rawRate,
                        median(revoked, LoadResult::perSecond),
                        median(revoked, LoadResult::p50Millis),
                        median(revoked, LoadResult::p99Millis),
                        100 * median(revoked, LoadResult::perSecond) / rawRate);
    }

    private static double median(List<LoadResult> results, ToDoubleFunction<LoadResult> metric) {
        List<Double> values = results.stream()
                .map(metric::applyAsDouble)
                .sorted(Comparator.naturalOrder())
                .toList();
        return values.get(values.size() / 2);
    }
}
