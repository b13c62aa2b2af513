package io.keygate.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A real PostgreSQL server (the binaries ship in a Maven Central jar), on a free port with its data in a
 * run directory. Durability settings are relaxed for speed: it holds test and demo data only.
 */
public final class PostgresServer implements AutoCloseable {

    /** Superuser name and password of the embedded server. */
    public static final String USER = "postgres";

    public static final String PASSWORD = "postgres";
    public static final String DEFAULT_DATABASE = "postgres";

    private final RunDirectory dir;
    private final EmbeddedPostgres postgres;

    private PostgresServer(RunDirectory dir, EmbeddedPostgres postgres) {
        this.dir = dir;
        this.postgres = postgres;
    }

    /** Starts a server on a free port. */
    public static PostgresServer start() {
        RunDirectory dir = RunDirectory.create("postgres");
        Path data = dir.path().resolve("data");
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(FreePorts.next())
                    .setDataDirectory(data)
                    .setCleanDataDirectory(true)
                    .setOverrideWorkingDirectory(dir.path().resolve("work").toFile())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "300");
            extraSettings().forEach(builder::setServerConfig);
            EmbeddedPostgres postgres = builder.start();
            recordPostmasterPid(dir, data);
            return new PostgresServer(dir, postgres);
        } catch (IOException e) {
            dir.delete();
            throw new ServerStartException("PostgreSQL did not start in " + dir, e);
        }
    }

    /**
     * Server settings added from {@code KEYGATE_TESTKIT_POSTGRES_SETTINGS} ({@code name=value}, comma separated), e.g.
     * {@code shared_preload_libraries=pg_stat_statements} to see where a bench spends PostgreSQL's time.
     */
    static Map<String, String> extraSettings() {
        return parseSettings(System.getenv("KEYGATE_TESTKIT_POSTGRES_SETTINGS"));
    }

    static Map<String, String> parseSettings(String settings) {
        Map<String, String> parsed = new LinkedHashMap<>();
        if (settings == null || settings.isBlank()) {
            return parsed;
        }
        for (String setting : settings.split(",")) {
            int equals = setting.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException(
                        "KEYGATE_TESTKIT_POSTGRES_SETTINGS: expected name=value, got '" + setting.strip() + "'");
            }
            parsed.put(
                    setting.substring(0, equals).strip(),
                    setting.substring(equals + 1).strip());
        }
        return parsed;
    }

    /** The port it listens on (loopback). */
    public int port() {
        return postgres.getPort();
    }

    /** The reactive client URL of a database, e.g. for {@code quarkus.datasource.reactive.url}. */
    public String reactiveUrl(String database) {
        return "postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** The JDBC URL of a database. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** Creates a database if it does not exist yet (one per service in the local run). */
    public void createDatabase(String name) {
        requirePlainName(name);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name, e);
        }
    }

    /** Drops a database if it exists (a bench's finished run), so no vacuum of its tables runs beside the next. */
    public void dropDatabase(String name) {
        requirePlainName(name);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop database " + name, e);
        }
    }

    private static void requirePlainName(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
    }

    /** Stops the server and deletes its data. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            // The data directory goes anyway.
        } finally {
            dir.delete();
        }
    }

    private static void recordPostmasterPid(RunDirectory dir, Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (Files.exists(pidFile)) {
            String firstLine =
                    Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).trim();
            dir.recordServerPid("postgres", Long.parseLong(firstLine));
        }
    }
}
