package io.keygate.analytics.rollup.store;

import io.keygate.analytics.clientip.store.ClientIpStore;
import io.keygate.analytics.config.AnalyticsConfig;
import io.keygate.analytics.rollup.CallRollup;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Compacts {@code call_rollup} in the background (a Vert.x timer every {@code compaction.interval}): per pass, in one
 * transaction, takes (deletes) every minute row of up to {@code compaction.max-keys} minute keys that have a row not
 * rolled up yet in a minute closed for {@code compaction.closed-after}, writes back their merge (rolled up), and adds
 * the rows not rolled up yet to the hour and day rows of the same dimensions, which are taken and written back merged
 * too (see {@link RollupCompaction}). One instance compacts at a time (a transaction-scoped advisory lock; the others
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

    private static final String RETURNING = " RETURNING r.tenant_id, r.application_id, r.granularity, r.bucket,"
            + " r.key_id, r.route_id, r.status_class, r.calls, r.bytes_in, r.bytes_out, r.duration_sum_micros,"
            + " r.max_micros, r.latency, r.rolled_up";

    private static final String SAME_KEY = " r.tenant_id = k.tenant_id AND r.application_id = k.application_id"
            + " AND r.granularity = k.granularity AND r.bucket = k.bucket AND r.key_id = k.key_id"
            + " AND r.route_id = k.route_id AND r.status_class = k.status_class";

    /** Every minute row of the oldest minute keys with a row not rolled up yet, in minutes closed before $1. */
    private static final String TAKE_MINUTES = "DELETE FROM call_rollup r USING (SELECT DISTINCT tenant_id,"
            + " application_id, granularity, bucket, key_id, route_id, status_class FROM call_rollup"
            + " WHERE granularity = 'minute' AND NOT rolled_up AND bucket < $1 ORDER BY bucket LIMIT $2) k WHERE"
            + SAME_KEY + RETURNING;

    /** The stored rows of the given hour and day keys. */
    private static final String TAKE_ROWS = "DELETE FROM call_rollup r USING unnest(" + RollupRows.KEY_ARRAYS
            + ") AS k(" + RollupRows.KEY_COLUMNS + ") WHERE" + SAME_KEY + RETURNING;

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
        return tx.preparedQuery(TAKE_MINUTES).execute(params).chain(rows -> {
            List<RollupRow> taken = read(rows);
            if (taken.isEmpty()) {
                return Uni.createFrom().item(new Taken(0, 0));
            }
            RollupCompaction.Minutes minutes = RollupCompaction.ofMinutes(taken);
            return tx.preparedQuery(TAKE_ROWS)
                    .execute(RollupRows.keys(minutes.coarser().keySet()))
                    .chain(stored -> {
                        Map<RollupKey, CallRollup> merged = new TreeMap<>(minutes.minutes());
                        merged.putAll(RollupCompaction.addTo(read(stored), minutes.coarser()));
                        return tx.preparedQuery(RollupRows.INSERT).execute(RollupRows.insert(merged, true));
                    })
                    .map(inserted -> {
                        compacted.increment(taken.size());
                        return new Taken(minutes.minutes().size(), taken.size());
                    });
        });
    }

    private static List<RollupRow> read(Iterable<Row> rows) {
        List<RollupRow> read = new ArrayList<>();
        rows.forEach(row -> read.add(RollupRows.read(row)));
        return read;
    }
}
