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
 * script again changes nothing; and the client-address tables of the version that appended to both. Run in a schema of
 * its own, so the service's tables are not touched.
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

    /** The client-address tables as the version that appended rows to both of them created them. */
    private static final String PREVIOUS_CLIENT_IP_TABLES = "CREATE TABLE client_ip_hour (tenant_id text NOT NULL,"
            + " key_id text NOT NULL, hour timestamptz NOT NULL, client_ip text NOT NULL, calls bigint NOT NULL,"
            + " errors bigint NOT NULL, auth_failures bigint NOT NULL, merged boolean NOT NULL DEFAULT true);"
            + " CREATE INDEX client_ip_hour_by_tenant ON client_ip_hour (tenant_id, hour);"
            + " CREATE INDEX client_ip_hour_by_address ON client_ip_hour (tenant_id, key_id, hour, client_ip);"
            + " CREATE INDEX client_ip_hour_not_merged_by_address ON client_ip_hour (tenant_id, key_id, hour,"
            + " client_ip) WHERE NOT merged;"
            + " CREATE TABLE key_client_ip (tenant_id text NOT NULL, key_id text NOT NULL, client_ip text NOT NULL,"
            + " first_seen timestamptz NOT NULL, last_seen timestamptz NOT NULL, calls bigint NOT NULL,"
            + " merged boolean NOT NULL DEFAULT true);"
            + " CREATE INDEX key_client_ip_by_address ON key_client_ip (tenant_id, key_id, client_ip);"
            + " CREATE INDEX key_client_ip_not_merged_by_address ON key_client_ip (tenant_id, key_id, client_ip)"
            + " WHERE NOT merged;"
            // From the version before (read-modify-write rows), left by its upgrade.
            + " CREATE INDEX key_client_ip_by_first_seen ON key_client_ip (tenant_id, key_id, first_seen)";

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

    /**
     * The earlier version appended a window's calls to both tables in place ({@code merged = false}); now windows append
     * to {@code client_ip_hour_pending} and compaction adds those rows to both tables. The upgrade merges the hour rows
     * not merged yet (their calls are in {@code key_client_ip} already) and leaves one row per key, hour and address and
     * one per key and address, so no call is counted twice or lost.
     */
    @Test
    void clientAddressRowsOfThePreviousVersionAreMergedOnce() {
        String schema = "upgrade_" + UUID.randomUUID().toString().replace("-", "");
        SqlConnection connection = pool.getConnection().await().atMost(WAIT);
        try {
            run(
                    connection,
                    "CREATE SCHEMA " + schema + "; SET search_path TO " + schema + "; " + PREVIOUS_CLIENT_IP_TABLES);
            run(
                    connection,
                    "INSERT INTO client_ip_hour (tenant_id, key_id, hour, client_ip, calls, errors, auth_failures,"
                            + " merged) VALUES"
                            + " ('t', 'k', '2026-12-01T10:00:00Z', '10.0.0.1', 5, 1, 0, true),"
                            + " ('t', 'k', '2026-12-01T10:00:00Z', '10.0.0.1', 2, 0, 1, false),"
                            + " ('t', 'k', '2026-12-01T11:00:00Z', '10.0.0.2', 1, 1, 1, false)");
            run(
                    connection,
                    "INSERT INTO key_client_ip (tenant_id, key_id, client_ip, first_seen, last_seen, calls, merged)"
                            + " VALUES ('t', 'k', '10.0.0.1', '2026-12-01T10:05:00Z', '2026-12-01T10:30:00Z', 5, true),"
                            + " ('t', 'k', '10.0.0.1', '2026-12-01T10:40:00Z', '2026-12-01T10:50:00Z', 2, false),"
                            + " ('t', 'k', '10.0.0.2', '2026-12-01T11:10:00Z', '2026-12-01T11:10:00Z', 1, false)");

            run(connection, schemaScript());
            assertClientAddressesUpgraded(connection);
            run(connection, schemaScript());
            assertClientAddressesUpgraded(connection);
        } finally {
            run(connection, "SET search_path TO DEFAULT; DROP SCHEMA " + schema + " CASCADE");
            connection.close().await().atMost(WAIT);
        }
    }

    private static void assertClientAddressesUpgraded(SqlConnection connection) {
        assertThat(rows(
                        connection,
                        "SELECT to_char(hour AT TIME ZONE 'UTC', 'HH24:MI') || ' ' || client_ip || ' ' || calls || ' '"
                                + " || errors || ' ' || auth_failures AS r FROM client_ip_hour"
                                + " ORDER BY hour"))
                .containsExactly("10:00 10.0.0.1 7 1 1", "11:00 10.0.0.2 1 1 1");
        assertThat(rows(
                        connection,
                        "SELECT client_ip || ' ' || to_char(first_seen AT TIME ZONE 'UTC', 'HH24:MI') || ' '"
                                + " || to_char(last_seen AT TIME ZONE 'UTC', 'HH24:MI') || ' ' || calls AS r"
                                + " FROM key_client_ip ORDER BY client_ip"))
                .containsExactly("10.0.0.1 10:05 10:50 7", "10.0.0.2 11:10 11:10 1");
        assertThat(rows(
                        connection,
                        "SELECT column_name AS r FROM information_schema.columns"
                                + " WHERE table_schema = current_schema()"
                                + " AND table_name IN ('client_ip_hour', 'key_client_ip') AND column_name = 'merged'"))
                .isEmpty();
        // One row per key, (hour,) and address from now on: compaction adds to it (ON CONFLICT on the unique
        // indexes); no index of the earlier versions is left for every write to keep up.
        assertThat(rows(
                        connection,
                        "SELECT c.relname || ' ' || (CASE WHEN i.indisunique THEN 'unique ' ELSE '' END)"
                                + " || string_agg(a.attname, ',' ORDER BY k.n) AS r FROM pg_index i"
                                + " JOIN pg_class c ON c.oid = i.indrelid CROSS JOIN LATERAL unnest(i.indkey)"
                                + " WITH ORDINALITY AS k(attnum, n) JOIN pg_attribute a ON a.attrelid = c.oid"
                                + " AND a.attnum = k.attnum WHERE c.relname IN ('client_ip_hour', 'key_client_ip')"
                                + " AND c.relnamespace = current_schema()::regnamespace"
                                + " GROUP BY c.relname, i.indexrelid, i.indisunique ORDER BY r"))
                .containsExactly(
                        "client_ip_hour tenant_id,hour",
                        "client_ip_hour unique tenant_id,key_id,hour,client_ip",
                        "key_client_ip unique tenant_id,key_id,client_ip");
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
