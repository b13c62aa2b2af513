package io.keygate.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keygate.testkit.KafkaBroker;
import io.keygate.testkit.PostgresServer;
import io.keygate.testkit.RunDirectory;
import io.keygate.testkit.TestSessions;
import io.keygate.testkit.Testkit;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What the crash tests share: the testkit's Kafka and PostgreSQL, a run directory, a launcher whose services check
 * test sessions (no token-service runs: sessions are signed with the testkit's key under the issuer a token-service on
 * 8081 would have), and the sequence they test: start a service, stream into it, kill it with SIGKILL once a third is
 * counted, restart it and wait until everything is.
 */
final class CrashHarness implements AutoCloseable {

    /** Counts what the service under test has committed so far. */
    @FunctionalInterface
    interface Counter {
        long count() throws SQLException;
    }

    /** A service restarted after its kill, and what it had committed when it was killed. */
    record Restarted(ServiceProcess process, long countedAtKill) {}

    private static final String ADMIN = "Bearer " + TestSessions.platformAdmin();

    final KafkaBroker kafka = Testkit.kafka();
    final PostgresServer postgres = Testkit.postgres();
    final ServiceLauncher launcher;
    private final RunDirectory run;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private CrashHarness(String name) {
        Path root = Path.of(System.getProperty("keygate.repository.root", ".."))
                .toAbsolutePath()
                .normalize();
        run = RunDirectory.create(name);
        launcher = new ServiceLauncher(root, run, kafka, postgres, 8081);
        TestSessions.publishSigningKey(kafka.bootstrapServers());
    }

    /** Servers for the crash test {@code name}. */
    static CrashHarness start(String name) {
        return new CrashHarness(name);
    }

    /**
     * Starts the service, streams into it with {@code produce}, kills it once {@code counted} reaches a third of
     * {@code total}, restarts it, and waits until {@code total} is counted and a few seconds more (anything replayed
     * twice would show by then). The caller closes the restarted process.
     */
    Restarted killMidStreamAndRestart(
            String service, Supplier<ServiceProcess> start, Runnable produce, Counter counted, long total)
            throws Exception {
        ServiceProcess first = start.get();
        first.awaitReady(Duration.ofSeconds(90));
        CompletableFuture<Void> producing = CompletableFuture.runAsync(produce);
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> counted.count() >= total / 3);
        first.kill();
        long atKill = counted.count();
        System.out.printf("%s killed with %d of %d counted%n", service, atKill, total);
        assertThat(atKill).as("killed mid-stream").isLessThan(total);

        ServiceProcess restarted = start.get();
        try {
            restarted.awaitReady(Duration.ofSeconds(90));
            producing.get(120, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> counted.count() >= total);
            Thread.sleep(3_000);
            return new Restarted(restarted, atKill);
        } catch (Exception | Error e) {
            restarted.close();
            throw e;
        }
    }

    /** A connection to one of the testkit PostgreSQL's databases. */
    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), PostgresServer.USER, PostgresServer.PASSWORD);
    }

    /** The single number {@code sql} selects. */
    long count(String database, String sql) throws SQLException {
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** GETs a JSON document from a service with a platform admin's session; it must answer 200. */
    JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", ADMIN)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    @Override
    public void close() {
        run.delete();
    }
}
