package io.keygate.analytics.usage.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.testkit.KafkaBrokerResource;
import io.keygate.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The schema script upgrades a database of the version that kept partial minute rows in {@code call_rollup}
 * ({@code rolled_up = false}): they move to {@code call_rollup_pending}, the compacted rows stay, and running the
 * script again changes nothing. Run in a schema of its own, so the service's tables are not touched.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class SchemaUpgradeQuarkusTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** call_rollup as the previous version created it. */
    private static final String PREVIOUS_CALL_ROLLUP = "CREATE TABLE call_rollup (tenant_id text NOT NULL,"
            + " application_id text NOT NULL DEFAULT '', granularity text NOT NULL, bucket timestamptz NOT NULL,"
            + " key_id text NOT NULL, route_id text NOT NULL, status_class integer NOT NULL, calls bigint NOT NULL,"
            + " bytes_in bigint NOT NULL, bytes_out bigint NOT NULL, duration_sum_micros bigint NOT NULL,"
            + " max_micros bigint NOT NULL, latency bytea NOT NULL, rolled_up boolean NOT NULL DEFAULT true);"
            + " CREATE INDEX call_rollup_not_rolled_up ON call_rollup (bucket)"
            + " WHERE granularity = 'minute' AND NOT rolled_up";

    @Inject
    Pool pool;

    @Test
    void partialMinuteRowsOfThePreviousVersionMoveToThePendingTableOnce() {
        String schema = "upgrade_" + UUID.randomUUID().toString().replace("-", "");
        SqlConnection connection = pool.getConnection().await().atMost(WAIT);
        try {
            run(connection, "CREATE SCHEMA " + schema + "; SET search_path TO " + schema + "; " + PREVIOUS_CALL_ROLLUP);
            run(
                    connection,
                    "INSERT INTO call_rollup (tenant_id, granularity, bucket, key_id, route_id, status_class,"
                            + " calls, bytes_in, bytes_out, duration_sum_micros, max_micros, latency, rolled_up) VALUES"
                            + " ('t', 'minute', '2026-12-01T10:01:00Z', 'k', 'r', 2, 5, 50, 500, 5000, 2000, '\\x00', true),"
                            + " ('t', 'hour', '2026-12-01T10:00:00Z', 'k', 'r', 2, 5, 50, 500, 5000, 2000, '\\x00', true),"
                            + " ('t', 'minute', '2026-12-01T10:02:00Z', 'k', 'r', 2, 3, 30, 300, 3000, 1000, '\\x01', false),"
                            + " ('t', 'minute', '2026-12-01T10:02:00Z', 'k', 'r', 5, 1, 10, 100, 900, 900, '\\x02', false)");

            run(connection, schemaScript());
            assertUpgraded(connection);
            run(connection, schemaScript());
            assertUpgraded(connection);
        } finally {
            run(connection, "SET search_path TO DEFAULT; DROP SCHEMA " + schema + " CASCADE");
            connection.close().await().atMost(WAIT);
        }
    }

    private static void assertUpgraded(SqlConnection connection) {
        assertThat(rows(
                        connection,
                        "SELECT granularity || ' ' || to_char(bucket AT TIME ZONE 'UTC', 'HH24:MI') || ' ' || calls AS r FROM call_rollup"
                                + " ORDER BY granularity, bucket"))
                .containsExactly("hour 10:00 5", "minute 10:01 5");
        assertThat(rows(
                        connection,
                        "SELECT status_class || ' ' || to_char(bucket AT TIME ZONE 'UTC', 'HH24:MI') || ' ' || calls || ' ' || bytes_in"
                                + " || ' ' || bytes_out || ' ' || duration_sum_micros || ' ' || max_micros || ' '"
                                + " || encode(latency, 'hex') AS r FROM call_rollup_pending ORDER BY status_class"))
                .containsExactly("2 10:02 3 30 300 3000 1000 01", "5 10:02 1 10 100 900 900 02");
        assertThat(rows(
                        connection,
                        "SELECT column_name AS r FROM information_schema.columns"
                                + " WHERE table_schema = current_schema() AND table_name = 'call_rollup'"
                                + " AND column_name = 'rolled_up'"))
                .isEmpty();
    }

    private static void run(SqlConnection connection, String sql) {
        connection.query(sql).execute().await().atMost(WAIT);
    }

    private static List<String> rows(SqlConnection connection, String sql) {
        List<String> read = new ArrayList<>();
        for (Row row : connection.query(sql).execute().await().atMost(WAIT)) {
            read.add(row.getString("r"));
        }
        return read;
    }

    private static String schemaScript() {
        try (InputStream in = SchemaUpgradeQuarkusTest.class.getResourceAsStream("/io/keygate/analytics/schema.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
