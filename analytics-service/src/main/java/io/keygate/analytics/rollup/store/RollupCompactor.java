package io.keygate.analytics.rollup.store;

import io.keygate.analytics.clientip.store.ClientIpStore;
import io.keygate.analytics.config.AnalyticsConfig;
import io.keygate.analytics.rollup.CallRollup;
import io.keygate.analytics.rollup.Granularity;
import io.keygate.analytics.rollup.RollupCompaction;
import io.keygate.analytics.rollup.RollupKey;
import io.keygate.analytics.rollup.RollupRow;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jboss.logging.Logger;

/**
 * Compacts the partial minute rows windows append in the background (a Vert.x timer every
 * {@code compaction.interval}): per pass, in one transaction, takes (deletes) the {@code call_rollup_pending} rows of
 * up to {@code compaction.max-keys} minute keys in minutes closed for {@code compaction.closed-after}, writes their
 * merge to {@code call_rollup} as the key's one minute row (merged with the row there, if a late call made one), and
 * adds them to the hour and day rows of the same dimensions, which are taken and written back merged too (see
 * {@link RollupCompaction}). One instance compacts at a time (a transaction-scoped advisory lock; the others
 * skip the pass). The same pass merges the client-address rows windows append ({@link ClientIpStore#compact}).
 * Windows only insert rows, so compaction and counting never wait on each other's row locks; and
 * readers see one snapshot, so reports are exact before, during and after a pass.
 */
@ApplicationScoped
public class RollupCompactor {

    private static final Logger LOG = Logger.getLogger(RollupCompactor.class);

    /** Any constant: the advisory lock that makes passes of several instances take turns. */
    private static final long LOCK_ID = 0x6b67_616e_6c79_7401L;

    private static final String TRY_LOCK = "SELECT pg_try_advisory_xact_lock($1) AS locked";

    private static final String VALUES_RETURNED =
            " r.calls, r.bytes_in, r.bytes_out, r.duration_sum_micros, r.max_micros, r.latency";

    private static final String SAME_KEY = " r.tenant_id = k.tenant_id AND r.application_id = k.application_id"
            + " AND r.granularity = k.granularity AND r.bucket = k.bucket AND r.key_id = k.key_id"
            + " AND r.route_id = k.route_id AND r.status_class = k.status_class";

    /**
     * Every pending row of the oldest minute keys closed before $1 (at most $2 keys). The range of their minutes
     * bounds the scan, so a pass reads the minutes it takes, not the whole backlog.
     */
    private static final String TAKE_PENDING = "WITH k AS (SELECT DISTINCT " + RollupRows.PENDING_KEY_COLUMNS
            + " FROM call_rollup_pending WHERE bucket < $1 ORDER BY bucket LIMIT $2)"
            + " DELETE FROM call_rollup_pending r USING k"
            + " WHERE r.bucket >= (SELECT min(bucket) FROM k) AND r.bucket <= (SELECT max(bucket) FROM k)"
            + " AND r.tenant_id = k.tenant_id AND r.application_id = k.application_id AND r.bucket = k.bucket"
            + " AND r.key_id = k.key_id AND r.route_id = k.route_id AND r.status_class = k.status_class"
            + " RETURNING r.tenant_id, r.application_id, 'minute' AS granularity, r.bucket, r.key_id, r.route_id,"
            + " r.status_class," + VALUES_RETURNED + ", false AS rolled_up";

    /** The compacted rows of the given keys (a minute's row: only after a late call; hour and day rows). */
    private static final String TAKE_ROWS = "DELETE FROM call_rollup r USING unnest(" + RollupRows.KEY_ARRAYS
            + ") AS k(" + RollupRows.KEY_COLUMNS + ") WHERE" + SAME_KEY
            + " RETURNING r.tenant_id, r.application_id, r.granularity, r.bucket, r.key_id, r.route_id,"
            + " r.status_class," + VALUES_RETURNED + ", true AS rolled_up";

    private final Pool pool;
    private final ClientIpStore clientIps;
    private final AnalyticsConfig.Compaction config;
    private final Vertx vertx;
    private final Counter compacted;
    private final AtomicBoolean running = new AtomicBoolean();
    private long timer = -1;

    RollupCompactor(Pool pool, ClientIpStore clientIps, AnalyticsConfig config, Vertx vertx, MeterRegistry metrics) {
        this.pool = pool;
        this.clientIps = clientIps;
        this.config = config.analytics().compaction();
        this.vertx = vertx;
        this.compacted = metrics.counter("keygate.analytics.rollup.rows.compacted");
    }

    void start(@Observes StartupEvent startup) {
        if (config.enabled()) {
            timer = vertx.setPeriodic(config.interval().toMillis(), id -> compactInBackground());
        }
    }

    @PreDestroy
    void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void compactInBackground() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        compactClosed(Instant.now().minus(config.closedAfter()))
                .subscribe()
                .with(rows -> running.set(false), failure -> {
                    running.set(false);
                    // Nothing is lost: the pass's transaction rolled back, the next pass takes the same rows.
                    LOG.warnf("Could not compact call rollups: %s", failure.getMessage());
                });
    }

    /**
     * Compacts, pass after pass, until no minute closed before {@code closedBefore} has a row not rolled up (or
     * another instance holds the lock).
     *
     * @return the minute rows taken
     */
    public Uni<Long> compactClosed(Instant closedBefore) {
        return pass(closedBefore)
                .chain(taken -> taken.keys() < config.maxKeys()
                        ? Uni.createFrom().item(taken.rows())
                        : compactClosed(closedBefore).map(more -> more + taken.rows()));
    }

    /** What one pass took: minute keys and minute rows (0 and 0 when another instance is compacting). */
    private record Taken(long keys, long rows) {}

    private Uni<Taken> pass(Instant closedBefore) {
        return pool.withTransaction(tx -> tx.preparedQuery(TRY_LOCK)
                .execute(Tuple.of(LOCK_ID))
                .chain(locked -> locked.iterator().next().getBoolean("locked")
                        ? compactMinutes(tx, closedBefore)
                                .chain(taken -> clientIps
                                        .compact(tx, closedBefore, config.maxKeys())
                                        // Another pass while either took a full share.
                                        .map(addresses -> new Taken(Math.max(taken.keys(), addresses), taken.rows())))
                        : Uni.createFrom().item(new Taken(0, 0))));
    }

    private Uni<Taken> compactMinutes(SqlConnection tx, Instant closedBefore) {
        Tuple params = Tuple.of(closedBefore.atOffset(ZoneOffset.UTC), config.maxKeys());
        return tx.preparedQuery(TAKE_PENDING).execute(params).chain(pending -> {
            if (pending.rowCount() == 0) {
                return Uni.createFrom().item(new Taken(0, 0));
            }
            Set<RollupKey> minuteKeys = new HashSet<>();
            pending.forEach(row -> minuteKeys.add(RollupRows.readKey(row)));
            Set<RollupKey> keys = new HashSet<>(minuteKeys);
            minuteKeys.forEach(key -> {
                keys.add(key.in(Granularity.HOUR));
                keys.add(key.in(Granularity.DAY));
            });
            return tx.preparedQuery(TAKE_ROWS)
                    .execute(RollupRows.keys(keys))
                    .chain(stored -> {
                        // Rows are decoded as they are merged: a pass keeps one histogram per key, not per row.
                        RollupCompaction.Minutes minutes =
                                RollupCompaction.ofMinutes(rows(concat(pending, stored), row -> isMinute(row)));
                        Map<RollupKey, CallRollup> merged = new TreeMap<>(minutes.minutes());
                        merged.putAll(RollupCompaction.addTo(rows(stored, row -> !isMinute(row)), minutes.coarser()));
                        return tx.preparedQuery(RollupRows.INSERT).execute(RollupRows.insert(merged));
                    })
                    .map(inserted -> {
                        compacted.increment(pending.rowCount());
                        return new Taken(minuteKeys.size(), pending.rowCount());
                    });
        });
    }

    private static boolean isMinute(Row row) {
        return Granularity.MINUTE.columnValue().equals(row.getString("granularity"));
    }

    private static Iterable<Row> concat(Iterable<Row> first, Iterable<Row> second) {
        return () -> Stream.concat(
                        StreamSupport.stream(first.spliterator(), false),
                        StreamSupport.stream(second.spliterator(), false))
                .iterator();
    }

    /** The rows that pass {@code filter}, each decoded when iterated to. */
    private static Iterable<RollupRow> rows(Iterable<Row> rows, Predicate<Row> filter) {
        return () -> StreamSupport.stream(rows.spliterator(), false)
                .filter(filter)
                .map(RollupRows::read)
                .iterator();
    }
}
