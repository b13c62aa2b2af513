package io.keygate.analytics.usage.store;

import io.keygate.analytics.usage.KeyMinuteUsage;
import io.keygate.analytics.usage.UsageWindow;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The schema, and the per-minute usage of a key read from {@code call_rollup} and {@code call_rollup_pending}. */
@ApplicationScoped
public class UsageStore {

    /** Before the messaging channels start (LIBRARY_BEFORE), so no batch arrives before the tables exist. */
    static final int SCHEMA_PRIORITY = Interceptor.Priority.PLATFORM_BEFORE + 10;

    /** A key's minute rows from $3 to $4: compacted and pending. */
    private static final String KEY_MINUTE_ROWS = "(SELECT bucket, status_class, calls, bytes_in, bytes_out"
            + " FROM call_rollup WHERE tenant_id = $1 AND key_id = $2 AND granularity = 'minute' AND bucket >= $3"
            + " AND bucket < $4 UNION ALL SELECT bucket, status_class, calls, bytes_in, bytes_out"
            + " FROM call_rollup_pending WHERE tenant_id = $1 AND key_id = $2 AND bucket >= $3 AND bucket < $4) r";

    private static final String MINUTES = "SELECT bucket AS minute, sum(calls)::bigint AS calls,"
            + " coalesce(sum(calls) FILTER (WHERE status_class >= 4), 0)::bigint AS errors,"
            + " sum(bytes_in)::bigint AS bytes_in, sum(bytes_out)::bigint AS bytes_out FROM " + KEY_MINUTE_ROWS
            + " GROUP BY bucket ORDER BY bucket";

    private static final String CALLS = "SELECT coalesce(sum(calls), 0)::bigint AS calls FROM " + KEY_MINUTE_ROWS;

    private final Pool pool;

    UsageStore(Pool pool) {
        this.pool = pool;
    }

    void createSchema(@Observes @Priority(SCHEMA_PRIORITY) StartupEvent startup) {
        // Minutes, not seconds: an upgrade may build an index over a large rollup table, and instances starting
        // together wait for it in turn (the script's advisory lock).
        pool.query(resource("/io/keygate/analytics/schema.sql"))
                .execute()
                .await()
                .atMost(Duration.ofMinutes(15));
    }

    /** The minutes of a key with calls in the window, oldest first. */
    public Uni<List<KeyMinuteUsage>> minutes(String tenantId, String keyId, UsageWindow window) {
        Tuple params = Tuple.of(
                tenantId,
                keyId,
                window.firstMinute().atOffset(ZoneOffset.UTC),
                window.to().atOffset(ZoneOffset.UTC));
        return pool.preparedQuery(MINUTES).execute(params).map(rows -> {
            List<KeyMinuteUsage> minutes = new ArrayList<>();
            rows.forEach(row -> minutes.add(toUsage(tenantId, keyId, row)));
            return minutes;
        });
    }

    /** Calls of a key in the minutes from the one holding {@code from} up to {@code to} (exclusive). */
    public Uni<Long> calls(String tenantId, String keyId, Instant from, Instant to) {
        Tuple params = Tuple.of(
                tenantId,
                keyId,
                from.truncatedTo(ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC),
                to.atOffset(ZoneOffset.UTC));
        return pool.preparedQuery(CALLS)
                .execute(params)
                .map(rows -> rows.iterator().next().getLong("calls"));
    }

    private static KeyMinuteUsage toUsage(String tenantId, String keyId, Row row) {
        return new KeyMinuteUsage(
                tenantId,
                keyId,
                row.getOffsetDateTime("minute").toInstant(),
                row.getLong("calls"),
                row.getLong("errors"),
                row.getLong("bytes_in"),
                row.getLong("bytes_out"));
    }

    private static String resource(String name) {
        try (InputStream in = UsageStore.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
