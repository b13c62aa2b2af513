package io.keygate.analytics.rollup.store;

import io.keygate.analytics.DimensionHash;
import io.keygate.analytics.clientip.store.ClientIpStore;
import io.keygate.analytics.config.AnalyticsConfig;
import io.keygate.analytics.rollup.CallRollup;
import io.keygate.analytics.rollup.CompactionPace;
import io.keygate.analytics.rollup.Granularity;
import io.keygate.analytics.rollup.IngestionLag;
import io.keygate.analytics.rollup.RollupCompaction;
import io.keygate.analytics.rollup.RollupKey;
import io.keygate.analytics.rollup.RollupRow;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jboss.logging.Logger;

/**
 * Compacts the partial minute rows windows append in the background (a Vert.x timer every
 * {@code compaction.interval}): per pass, in one transaction, takes (deletes) the {@code call_rollup_pending} rows of
 * the next {@code compaction.max-keys} minutes of API keys (in index order, each pass after the last one's) closed
 * for {@code compaction.closed-after}, writes their merge to {@code call_rollup} as each minute key's one row (merged
 * with the row there, if a late call made one), and adds them to the hour and day rows of the same dimensions, which
 * are taken and written back merged too (see {@link RollupCompaction}). One instance compacts at a time (a
 * transaction-scoped advisory lock; the others skip the pass). The same pass merges the client-address rows windows
 * append ({@link ClientIpStore#compact}). Windows only insert rows, so compaction and counting never wait on each other's row
 * locks; and readers see one snapshot, so reports are exact before, during and after a pass. While counting is behind
 * ({@link IngestionLag}), a round takes at most {@code compaction.budget-while-behind} of its interval and the next goes
 * on where it stopped; a pass then takes what fits in half the budget left at the last pass's pace ({@link CompactionPace}),
 * so a round keeps to its budget while passes slow down under counting's load. Once counting has caught up, a round takes the
 * rest at once.
 */
@ApplicationScoped
public class RollupCompactor {

    /** The budget of a round that takes every pass it needs (caught up, or compacting every closed minute). */
    private static final long UNBUDGETED = Long.MAX_VALUE;

    private static final Logger LOG = Logger.getLogger(RollupCompactor.class);

    /** Any constant: the advisory lock that makes passes of several instances take turns. */
    private static final long LOCK_ID = 0x6b67_616e_6c79_7401L;

    /**
     * Takes the lock and, for the pass's transaction only, steers the planner to the per-key index lookups every
     * statement of a pass is made of. Statements are planned with their parameters (the client does not cache
     * prepared statements), so the planner sees arrays of thousands of keys; for the hour and day rows of 6,000 keys
     * ({@link #TAKE_ROWS}) it chose a merge join along {@code call_rollup_by_tenant} filtering every row of the
     * tenant's buckets: 11.9 s against 0.13 s for the index path, measured on 360,000 stored rows. JIT compilation,
     * which those cost estimates would start, is off for the same reason.
     */
    /**
     * The tables compaction reads by key whose planner statistics are missing or behind: never analysed, or changed by
     * more than a fifth since. Without them PostgreSQL guesses every equality as selective, and in the delete of the
     * hour and day rows a pass merges into it probed {@code call_rollup_by_application} (tenant, application,
     * granularity, bucket: every key of a tenant without applications) instead of the index on the whole key: 2.1 s
     * for 3,000 rows instead of milliseconds, measured on a fresh database (bench/RESULTS.md).
     */
    private static final String STALE_STATISTICS = "SELECT relname FROM pg_stat_user_tables"
            + " WHERE schemaname = current_schema() AND relname = ANY($1::text[])"
            + " AND (coalesce(last_analyze, last_autoanalyze) IS NULL OR n_mod_since_analyze > n_live_tup / 5 + 1000)";

    /** The tables whose statistics a round keeps fresh (what its statements join and probe). */
    private static final Set<String> COMPACTED_TABLES =
            Set.of("call_rollup", "call_rollup_pending", "client_ip_hour", "client_ip_hour_pending", "key_client_ip");

    private static final String TRY_LOCK = "SELECT pg_try_advisory_xact_lock($1) AS locked,"
            + " set_config('enable_mergejoin', 'off', true), set_config('enable_hashjoin', 'off', true),"
            + " set_config('jit', 'off', true)";

    private static final String VALUES_RETURNED =
            " r.calls, r.bytes_in, r.bytes_out, r.duration_sum_micros, r.max_micros, r.latency";

    private static final String SAME_KEY = " r.tenant_id = k.tenant_id AND r.application_id = k.application_id"
            + " AND r.granularity = k.granularity AND r.bucket = k.bucket AND r.key_id = k.key_id"
            + " AND r.route_id = k.route_id AND r.status_class = k.status_class";

    /**
     * Every pending row of the next $2 minutes of API keys (tenant, key id: '' for calls without a key; minute closed
     * before $1) in index order, after ($3, $4, $5) in the NEXT form; with the last of them on every row. Walking the
     * {@code (tenant_id, key_id, bucket)} index stops after $2 of them, and each holds at most a minute's windows'
     * rows of one key, so a pass is bounded however large the backlog. (Ordering minute keys by bucket instead sorted
     * a whole minute's rows, ~200,000, spilling to disk, ~650 ms per pass.) A pass may take some of a minute key's
     * rows and the next the rest: the second merges them with the first's compacted row, so reads stay exact.
     */
    private static final String TAKE_PENDING = "WITH k AS (SELECT DISTINCT tenant_id, key_id, bucket"
            + " FROM call_rollup_pending WHERE bucket < $1%s ORDER BY tenant_id, key_id, bucket LIMIT $2),"
            + " last AS (SELECT tenant_id, key_id, bucket FROM k"
            + " ORDER BY tenant_id DESC, key_id DESC, bucket DESC LIMIT 1)"
            + " DELETE FROM call_rollup_pending r USING k, last"
            + " WHERE r.tenant_id = k.tenant_id AND r.key_id = k.key_id AND r.bucket = k.bucket"
            + " RETURNING r.tenant_id, r.application_id, 'minute' AS granularity, r.bucket, r.key_id, r.route_id,"
            + " r.status_class," + VALUES_RETURNED + ", false AS rolled_up,"
            + " last.tenant_id AS last_tenant_id, last.key_id AS last_key_id, last.bucket AS last_bucket";

    private static final String TAKE_PENDING_FIRST = TAKE_PENDING.formatted("");

    private static final String TAKE_PENDING_NEXT =
            TAKE_PENDING.formatted(" AND (tenant_id, key_id, bucket) > ($3, $4, $5)");

    /** The compacted rows of the given keys (a minute's row: only after a late call; hour and day rows). */
    private static final String TAKE_ROWS = "DELETE FROM call_rollup r USING unnest(" + RollupRows.KEY_ARRAYS
            + ") AS k(" + RollupRows.KEY_COLUMNS + ") WHERE" + SAME_KEY
            + " RETURNING r.tenant_id, r.application_id, r.granularity, r.bucket, r.key_id, r.route_id,"
            + " r.status_class," + VALUES_RETURNED + ", true AS rolled_up";

    private final Pool pool;
    private final ClientIpStore clientIps;
    private final AnalyticsConfig.Compaction config;
    private final Vertx vertx;
    private final IngestionLag lag;
    private final Counter compacted;
    private final Counter yielded;
    private final AtomicBoolean running = new AtomicBoolean();
    /** The last pass's time per key minute: how many the next pass of a round with a budget takes. */
    private final CompactionPace pace = new CompactionPace();
    /** Counting is still flowing if a window committed within this long (windows commit every flush interval). */
    private final Duration active;

    private long timer = -1;
    private long catchUpTimer = -1;
    /** Where the last background round stopped to leave counting the time; the next goes on after it. */
    private KeyMinute resumeAfter;
    /** Whether the last background round stopped to leave counting the time. */
    private volatile boolean yieldedLast;

    RollupCompactor(
            Pool pool,
            ClientIpStore clientIps,
            AnalyticsConfig config,
            IngestionLag lag,
            Vertx vertx,
            MeterRegistry metrics) {
        this.pool = pool;
        this.clientIps = clientIps;
        this.config = config.analytics().compaction();
        this.lag = lag;
        this.active = config.analytics().flushInterval().multipliedBy(10);
        this.vertx = vertx;
        this.compacted = metrics.counter("keygate.analytics.rollup.rows.compacted");
        this.yielded = metrics.counter("keygate.analytics.rollup.compaction.yielded");
    }

    void start(@Observes StartupEvent startup) {
        if (config.enabled()) {
            timer = vertx.setPeriodic(config.interval().toMillis(), id -> compactInBackground());
            // A round that yielded is followed at once by one that takes the rest when counting has caught up, not at
            // the next interval.
            catchUpTimer = vertx.setPeriodic(1000, id -> {
                if (yieldedLast && !lag.isBehind(Instant.now(), config.closedAfter(), active)) {
                    compactInBackground();
                }
            });
        }
    }

    /** The timers stop when shutdown begins, so no round starts on a connection pool that is closing. */
    void stop(@Observes ShutdownEvent shutdown) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (catchUpTimer >= 0) {
            vertx.cancelTimer(catchUpTimer);
        }
    }

    private void compactInBackground() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        compactRound(Instant.now(), config.maxKeys(), config.budgetWhileBehind())
                .subscribe()
                .with(rows -> running.set(false), failure -> {
                    running.set(false);
                    // Nothing is lost: the pass's transaction rolled back, the next pass takes the same rows.
                    LOG.warnf("Could not compact call rollups: %s", failure.getMessage());
                });
    }

    /**
     * One background round at {@code now}: passes over the minutes closed {@code closed-after} before it until none is
     * left, or, while counting is behind, until {@code budgetWhileBehind} of an interval is spent; a round that
     * stopped so is followed by one going on after its last key, so every key gets its turn.
     *
     * @return the pending rows taken
     */
    Uni<Long> compactRound(Instant now, int maxKeys, double budgetWhileBehind) {
        // Behind: the newest call counted is older than the minutes compaction takes, so those minutes still fill, and
        // counting (which alerts wait on) needs the time more than the merge, which reads do not need to be exact.
        boolean behind = lag.isBehind(now, config.closedAfter(), active);
        long budgetNanos = behind ? (long) (config.interval().toNanos() * budgetWhileBehind) : UNBUDGETED;
        KeyMinute after = behind ? resumeAfter : null;
        return freshStatistics()
                .chain(() -> compactFrom(
                        now.minus(config.closedAfter()),
                        maxKeys,
                        after,
                        after == null,
                        System.nanoTime(),
                        budgetNanos));
    }

    /**
     * Compacts, pass after pass, until no minute closed before {@code closedBefore} has a pending row (or another
     * instance holds the lock).
     *
     * @return the pending rows taken
     */
    public Uni<Long> compactClosed(Instant closedBefore) {
        return compactClosed(closedBefore, config.maxKeys());
    }

    /** As {@link #compactClosed(Instant)}, taking at most {@code maxKeys} minutes of API keys per pass. */
    public Uni<Long> compactClosed(Instant closedBefore, int maxKeys) {
        return freshStatistics()
                .chain(() -> compactFrom(closedBefore, maxKeys, null, true, System.nanoTime(), UNBUDGETED));
    }

    /**
     * Analyses the tables a round reads whose statistics are missing or behind, before its passes are planned.
     * Autovacuum would, but only after its nap (a minute by default): long enough for a fresh deployment, or one
     * catching up a backlog, to plan every pass of a round on guesses.
     */
    private Uni<Void> freshStatistics() {
        return pool.preparedQuery(STALE_STATISTICS)
                .execute(Tuple.tuple().addArrayOfString(COMPACTED_TABLES.toArray(String[]::new)))
                .chain(stale -> {
                    // Names of the fixed set the query filtered on, never from input: one statement for them all.
                    String tables = StreamSupport.stream(stale.spliterator(), false)
                            .map(row -> row.getString("relname"))
                            .collect(Collectors.joining(", "));
                    return tables.isEmpty()
                            ? Uni.createFrom().voidItem()
                            : pool.query("ANALYZE " + tables).execute().replaceWithVoid();
                })
                .onFailure()
                .recoverWithUni(failure -> {
                    // Compaction still works on the statistics there are, only slower.
                    LOG.warnf("Could not refresh the statistics of the rollup tables: %s", failure.getMessage());
                    return Uni.createFrom().voidItem();
                });
    }

    /**
     * Passes from after {@code after} until none is left or {@code budgetNanos} since {@code startNanos} are spent; a
     * round that went on from where the last one stopped ({@code fromStart} false) and reached the end of the index
     * goes on from its start, so the keys before that point are not left for another round.
     */
    private Uni<Long> compactFrom(
            Instant closedBefore, int maxKeys, KeyMinute after, boolean fromStart, long startNanos, long budgetNanos) {
        int keys = budgetNanos == UNBUDGETED ? maxKeys : pace.keysFor(maxKeys, remainingNanos(startNanos, budgetNanos));
        return pass(closedBefore, keys, after).chain(taken -> {
            if (taken.lockedOut()) {
                // Another instance compacts: this one's place stays where it was for its next round.
                return Uni.createFrom().item(0L);
            }
            boolean spent = !pace.fits(maxKeys, remainingNanos(startNanos, budgetNanos));
            KeyMinute next = taken.full() ? taken.last() : null;
            if (!taken.full() && fromStart) {
                resumeAfter = null;
                yieldedLast = false;
                return Uni.createFrom().item(taken.rows());
            }
            if (spent) {
                resumeAfter = next;
                yieldedLast = true;
                yielded.increment();
                return Uni.createFrom().item(taken.rows());
            }
            return compactFrom(closedBefore, maxKeys, next, fromStart || next == null, startNanos, budgetNanos)
                    .map(more -> more + taken.rows());
        });
    }

    /** The budget of a round started at {@code startNanos} left now. */
    private static long remainingNanos(long startNanos, long budgetNanos) {
        return budgetNanos - (System.nanoTime() - startNanos);
    }

    /** A minute of a tenant's API key ('' for calls without one): what a pass takes the pending rows of. */
    private record KeyMinute(String tenantId, String keyId, OffsetDateTime minute) {

        /** Spread over tenants and keys that differ in their last characters (see {@link DimensionHash}). */
        @Override
        public int hashCode() {
            return DimensionHash.of(tenantId, keyId, minute);
        }
    }

    /**
     * What one pass took: minutes of API keys and pending rows, the last of those minutes, after which the next pass goes
     * on (null: from the start), whether it took a full share of them or of client addresses (so there may be more), and
     * whether another instance was compacting (then nothing was taken).
     */
    private record Taken(long keys, long rows, KeyMinute last, boolean full, boolean lockedOut) {}

    private Uni<Taken> pass(Instant closedBefore, int maxKeys, KeyMinute after) {
        return Uni.createFrom().deferred(() -> {
            long started = System.nanoTime();
            return transaction(closedBefore, maxKeys, after)
                    .invoke(taken -> pace.timed(taken.keys(), System.nanoTime() - started));
        });
    }

    /**
     * One pass's transaction: at most {@code maxKeys} minutes of API keys, and {@code max-keys} client-address groups
     * whatever the pass's size (their statement starts from the index's start each pass, so a smaller share could
     * leave later tenants' addresses waiting behind an early tenant's).
     */
    private Uni<Taken> transaction(Instant closedBefore, int maxKeys, KeyMinute after) {
        Uni<Taken> committed = pool.withTransaction(tx -> tx.preparedQuery(TRY_LOCK)
                .execute(Tuple.of(LOCK_ID))
                .chain(locked -> locked.iterator().next().getBoolean("locked")
                        ? compactMinutes(tx, closedBefore, maxKeys, after)
                                .chain(taken -> clientIps
                                        .compact(tx, closedBefore, config.maxKeys())
                                        // Another pass while either took a full share.
                                        .map(addresses -> new Taken(
                                                taken.keys(),
                                                taken.rows(),
                                                taken.last(),
                                                taken.keys() >= maxKeys || addresses >= config.maxKeys(),
                                                false)))
                        : Uni.createFrom().item(new Taken(0, 0, after, false, true))));
        // Counted once committed: a pass rolled back takes the same rows again.
        return committed.invoke(taken -> compacted.increment(taken.rows()));
    }

    private Uni<Taken> compactMinutes(SqlConnection tx, Instant closedBefore, int maxKeys, KeyMinute after) {
        Tuple params = Tuple.of(closedBefore.atOffset(ZoneOffset.UTC), maxKeys);
        if (after != null) {
            params.addString(after.tenantId()).addString(after.keyId()).addOffsetDateTime(after.minute());
        }
        return tx.preparedQuery(after == null ? TAKE_PENDING_FIRST : TAKE_PENDING_NEXT)
                .execute(params)
                .chain(pending -> {
                    if (pending.rowCount() == 0) {
                        return Uni.createFrom().item(new Taken(0, 0, after, false, false));
                    }
                    Set<KeyMinute> keyMinutes = new HashSet<>();
                    Set<RollupKey> keys = new HashSet<>();
                    KeyMinute last = null;
                    for (Row row : pending) {
                        RollupKey minute = RollupRows.readKey(row);
                        keyMinutes.add(
                                new KeyMinute(minute.tenantId(), minute.keyId(), row.getOffsetDateTime("bucket")));
                        keys.add(minute);
                        keys.add(minute.in(Granularity.HOUR));
                        keys.add(minute.in(Granularity.DAY));
                        last = new KeyMinute(
                                row.getString("last_tenant_id"),
                                row.getString("last_key_id"),
                                row.getOffsetDateTime("last_bucket"));
                    }
                    KeyMinute lastTaken = last;
                    return tx.preparedQuery(TAKE_ROWS)
                            .execute(RollupRows.keys(keys))
                            .chain(stored -> {
                                // Rows are decoded as they are merged: a pass keeps one histogram per key, not per
                                // row.
                                RollupCompaction.Minutes minutes =
                                        RollupCompaction.ofMinutes(rows(concat(pending, stored), row -> isMinute(row)));
                                Map<RollupKey, CallRollup> merged = new TreeMap<>(minutes.minutes());
                                merged.putAll(
                                        RollupCompaction.addTo(rows(stored, row -> !isMinute(row)), minutes.coarser()));
                                return tx.preparedQuery(RollupRows.INSERT).execute(RollupRows.insert(merged));
                            })
                            .map(inserted -> new Taken(keyMinutes.size(), pending.rowCount(), lastTaken, false, false));
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
