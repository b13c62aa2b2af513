package io.keygate.bench;

import io.keygate.suite.ConsoleLogin;
import io.keygate.suite.ServiceLauncher;
import io.keygate.suite.ServiceProcess;
import io.keygate.testkit.FreePorts;
import io.keygate.testkit.PostgresServer;
import io.keygate.testkit.RunDirectory;
import io.keygate.testkit.Testkit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Key issuance and revocation throughput and latency of token-service under concurrency, beside the
 * limit it is built on: the raw rate of single-row insert transactions into the same PostgreSQL server in the same
 * run, from the number of connections at which PostgreSQL inserts fastest on this machine (found by a sweep before the
 * runs, so that a client count PostgreSQL handles badly cannot lower the limit). Medians over several runs.
 *
 * <p>Both loads come from native load generators, so that the load itself takes as little as possible of
 * the cores it shares with the service, PostgreSQL and Kafka: Debian's {@code wrk} (scripts in
 * {@code bench/load/}) for the service, {@code pgbench} for PostgreSQL.
 *
 * <p>Usage: {@code bench/token-service.sh [seconds] [concurrency] [runs]}: each run issues keys for
 * {@code seconds}, then revokes the keys it issued for half as long (so it cannot run out of keys), and
 * measures raw inserts for {@code seconds}.
 */
public final class TokenServiceBench {

    private TokenServiceBench() {}

    public static void main(String[] args) throws Exception {
        Duration phase = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 10);
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path root = Path.of(System.getProperty("keygate.repository.root", "."))
                .toAbsolutePath()
                .normalize();
        Path load = root.resolve("bench/load");
        int threads = threads(concurrency);

        PostgresServer postgres = Testkit.postgres();
        RunDirectory run = RunDirectory.create("bench");
        int port = FreePorts.next();
        ServiceLauncher launcher = new ServiceLauncher(root, run, Testkit.kafka(), postgres, port);
        try (ServiceProcess tokenService = launcher.tokenService(port)) {
            tokenService.awaitReady(Duration.ofMinutes(3));
            String url = "http://127.0.0.1:" + port;
            Wrk wrk = new Wrk(threads, concurrency);
            ConsoleLogin login = new ConsoleLogin(port);
            KeyPhases keys = new KeyPhases(
                    wrk,
                    load,
                    url,
                    run.path(),
                    login,
                    login.firstLogin(ConsoleLogin.BOOTSTRAP_ADMIN, launcher.bootstrapAdminPassword())
                            .session());
            PgBench pgbench = new PgBench(postgres, run.path());
            postgres.createDatabase("bench_raw");
            createRawTable(postgres);
            // the runs measure the service compiled, not C2 compiling it beside the load
            new JitActivity(tokenService.pid()).warmUntilQuiet("the token service", round -> {
                keys.issueThenRevoke("warmup-" + round, JitActivity.ROUND);
                return true;
            });

            int rawClients = fastestRawClients(pgbench, load, concurrency, phase);

            List<LoadResult> raw = new ArrayList<>();
            List<LoadResult> issued = new ArrayList<>();
            List<LoadResult> revoked = new ArrayList<>();
            for (int r = 1; r <= runs; r++) {
                raw.add(pgbench.run(
                        load.resolve("raw-insert.sql"), "bench_raw", rawClients, threads(rawClients), phase));
                LoadResult[] issuedThenRevoked = keys.issueThenRevoke("bench-" + r, phase);
                issued.add(issuedThenRevoked[0]);
                revoked.add(issuedThenRevoked[1]);
                System.out.printf(
                        "run %d: raw %.0f/s, issue %.0f/s p99 %.1f ms, revoke %.0f/s p99 %.1f ms%n",
                        r,
                        raw.get(r - 1).perSecond(),
                        issued.get(r - 1).perSecond(),
                        issued.get(r - 1).p99Millis(),
                        revoked.get(r - 1).perSecond(),
                        revoked.get(r - 1).p99Millis());
            }
            System.out.println(report(phase, concurrency, rawClients, runs, raw, issued, revoked));
        } finally {
            Testkit.stopAll();
            run.delete();
        }
    }

    /**
     * Issues keys for a tenant for {@code duration}, then revokes them for half as long, as the bootstrap admin (the
     * session is refreshed before each phase: its access tokens live 5 minutes).
     */
    private static final class KeyPhases {

        private final Wrk wrk;
        private final Path load;
        private final String url;
        private final Path workDirectory;
        private final ConsoleLogin login;
        private ConsoleLogin.Session session;

        KeyPhases(
                Wrk wrk, Path load, String url, Path workDirectory, ConsoleLogin login, ConsoleLogin.Session session) {
            this.wrk = wrk;
            this.load = load;
            this.url = url;
            this.workDirectory = workDirectory;
            this.login = login;
            this.session = session;
        }

        LoadResult[] issueThenRevoke(String tenant, Duration duration) throws Exception {
            session = login.refresh(session);
            wrk.useSession(session.accessToken());
            Path idsPrefix = workDirectory.resolve("ids-" + tenant);
            LoadResult issued =
                    wrk.run(load.resolve("issue-api-keys.lua"), url, duration, tenant, idsPrefix.toString());
            Path ids = workDirectory.resolve("ids-" + tenant + ".all");
            List<String> all = new ArrayList<>();
            for (int t = 1; t <= wrk.threads(); t++) {
                all.addAll(Files.readAllLines(Path.of(idsPrefix + "." + t)));
            }
            Files.write(ids, all);
            session = login.refresh(session);
            wrk.useSession(session.accessToken());
            LoadResult revoked = wrk.run(
                    load.resolve("revoke-api-keys.lua"),
                    url,
                    duration.dividedBy(2),
                    tenant,
                    ids.toString(),
                    Integer.toString(wrk.threads()));
            if (revoked.operations() > all.size()) {
                throw new IllegalStateException("The revocation phase ran out of keys: " + revoked.operations()
                        + " revocations of " + all.size() + " keys; the figures would count repeated revocations");
            }
            return new LoadResult[] {issued, revoked};
        }
    }

    /**
     * The number of connections (of 4, 8, 16, 32, 64 and the bench's own) from which the raw inserts go fastest, each
     * tried once for {@code phase}.
     */
    private static int fastestRawClients(PgBench pgbench, Path load, int concurrency, Duration phase) throws Exception {
        List<Integer> candidates = new ArrayList<>(List.of(4, 8, 16, 32, 64));
        if (!candidates.contains(concurrency)) {
            candidates.add(concurrency);
        }
        int fastest = concurrency;
        double best = 0;
        for (int clients : candidates) {
            LoadResult result =
                    pgbench.run(load.resolve("raw-insert.sql"), "bench_raw", clients, threads(clients), phase);
            System.out.printf("raw inserts from %d connections: %.0f/s%n", clients, result.perSecond());
            if (result.perSecond() > best) {
                best = result.perSecond();
                fastest = clients;
            }
        }
        return fastest;
    }

    private static int threads(int connections) {
        return Math.min(connections, Runtime.getRuntime().availableProcessors());
    }

    private static void createRawTable(PostgresServer postgres) throws Exception {
        try (Connection setup = DriverManager.getConnection(
                postgres.jdbcUrl("bench_raw"), PostgresServer.USER, PostgresServer.PASSWORD)) {
            setup.createStatement()
                    .execute(
                            "CREATE TABLE raw_key (key_id text PRIMARY KEY, tenant_id text NOT NULL, "
                                    + "key_hash text NOT NULL UNIQUE, payload jsonb NOT NULL, created_at timestamptz NOT NULL)");
        }
    }

    private static String report(
            Duration phase,
            int concurrency,
            int rawClients,
            int runs,
            List<LoadResult> raw,
            List<LoadResult> issued,
            List<LoadResult> revoked) {
        double rawRate = median(raw, LoadResult::perSecond);
        double issueRate = median(issued, LoadResult::perSecond);
        return """

                | %d s per phase, %d concurrent, median of %d runs | ops/s | p50 ms | p99 ms | vs raw insert |
                |---|---:|---:|---:|---:|
                | PostgreSQL single-row insert transactions (the limit; %d connections, its fastest) | %.0f | %.2f | %.2f | 100 %% |
                | token-service: issue API key | %.0f | %.2f | %.2f | %.0f %% |
                | token-service: revoke API key | %.0f | %.2f | %.2f | %.0f %% |
                """.formatted(
                        phase.toSeconds(),
                        concurrency,
                        runs,
                        rawClients,
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
