package io.keygate.analytics.rollup.store;

import io.keygate.analytics.alert.store.AlertStore;
import io.keygate.analytics.clientip.ClientIpRollups;
import io.keygate.analytics.clientip.store.ClientIpStore;
import io.keygate.analytics.rollup.CallRollup;
import io.keygate.analytics.rollup.CallRollups;
import io.keygate.analytics.rollup.Granularity;
import io.keygate.analytics.rollup.LatencyHistograms;
import io.keygate.analytics.rollup.RollupKey;
import io.keygate.events.EventEnvelope;
import io.keygate.events.alert.AlertRaised;
import io.keygate.events.call.CallRecorded;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Writes call rollups ({@code call_rollup}) exactly once per call record. Per batch, in one transaction: the
 * batch's event ids go into {@code processed_call} and only the new calls are rolled up in Java (every
 * granularity at once); rows that do not exist yet are inserted whole, and rows that do are locked
 * ({@code FOR UPDATE}), merged in Java (HdrHistogram merge is exact) and written back. A row is therefore always
 * the exact sum of the calls it counts, whichever instance or batch counted them, and reports read single rows
 * (no merge at read time beyond a report's own buckets). The same transaction adds the calls per client address
 * ({@link ClientIpStore}) and stores the batch's alerts ({@link AlertStore}).
 */
@ApplicationScoped
public class RollupStore {

    private static final String MARK_PROCESSED = "INSERT INTO processed_call (event_id) SELECT unnest($1::uuid[])"
            + " ON CONFLICT (event_id) DO NOTHING RETURNING event_id";

    private static final String KEY_COLUMNS = "tenant_id, granularity, bucket, key_id, route_id, status_class";
    private static final String KEY_ARRAYS =
            "$1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::int[]";
    private static final String VALUE_COLUMNS = "calls, bytes_in, bytes_out, duration_sum_micros, max_micros, latency";
    private static final String VALUE_ARRAYS =
            "$7::bigint[], $8::bigint[], $9::bigint[], $10::bigint[], $11::bigint[]," + " $12::bytea[]";

    private static final String INSERT_NEW = "INSERT INTO call_rollup (" + KEY_COLUMNS + ", " + VALUE_COLUMNS + ")"
            + " SELECT * FROM unnest(" + KEY_ARRAYS + ", " + VALUE_ARRAYS + ")"
            + " ON CONFLICT (" + KEY_COLUMNS + ") DO NOTHING RETURNING " + KEY_COLUMNS;

    private static final String LOCK_EXISTING = "SELECT r.* FROM call_rollup r JOIN unnest(" + KEY_ARRAYS + ") AS k("
            + KEY_COLUMNS + ") USING (" + KEY_COLUMNS + ") ORDER BY " + KEY_COLUMNS + " FOR UPDATE OF r";

    /**
     * The merged rows, locked by this transaction, written back. An upsert rather than {@code UPDATE … FROM unnest}:
     * it finds each row by the primary key whatever the planner thinks of the other indexes.
     */
    private static final String WRITE_MERGED = "INSERT INTO call_rollup (" + KEY_COLUMNS + ", " + VALUE_COLUMNS + ")"
            + " SELECT * FROM unnest(" + KEY_ARRAYS + ", " + VALUE_ARRAYS + ")"
            + " ON CONFLICT (" + KEY_COLUMNS + ") DO UPDATE SET calls = EXCLUDED.calls, bytes_in = EXCLUDED.bytes_in,"
            + " bytes_out = EXCLUDED.bytes_out, duration_sum_micros = EXCLUDED.duration_sum_micros,"
            + " max_micros = EXCLUDED.max_micros, latency = EXCLUDED.latency";

    /**
     * Rows inserted since statistics were last gathered that make them stale: the lock of existing rows joins the
     * window's keys to the table, and without statistics (a new table, or one grown tenfold) the planner looks them up
     * through a secondary index matching hundreds of rows each, 10-15 times slower than with them.
     */
    private static final long ANALYZE_AFTER_ROWS = 5_000;

    private static final Logger LOG = Logger.getLogger(RollupStore.class);

    private final AtomicLong insertedSinceAnalyze = new AtomicLong();
    private final AtomicLong insertedTotal = new AtomicLong();
    private final AtomicBoolean analyzing = new AtomicBoolean();

    private final Pool pool;
    private final AlertStore alerts;
    private final ClientIpStore clientIps;

    RollupStore(Pool pool, AlertStore alerts, ClientIpStore clientIps) {
        this.pool = pool;
        this.alerts = alerts;
        this.clientIps = clientIps;
    }

    /**
     * Rolls up the calls not counted before and stores the alerts not stored before, in one transaction: an alert
     * is published if and only if the counts of the calls that raised it are committed.
     *
     * @param calls  calls with a tenant, with distinct ids
     * @param raised alerts the batch raised
     */
    public Uni<BatchCount> count(List<EventEnvelope<CallRecorded>> calls, List<AlertRaised> raised) {
        if (calls.isEmpty() && raised.isEmpty()) {
            return Uni.createFrom().item(new BatchCount(List.of(), List.of()));
        }
        UUID[] ids = calls.stream().map(EventEnvelope::id).toArray(UUID[]::new);
        return pool.withTransaction(tx -> tx.preparedQuery(MARK_PROCESSED)
                        .execute(Tuple.tuple().addArrayOfUUID(ids))
                        .chain(rows -> {
                            Set<UUID> fresh = new HashSet<>();
                            rows.forEach(row -> fresh.add(row.getUUID("event_id")));
                            List<CallRecorded> newCalls = calls.stream()
                                    .filter(c -> fresh.contains(c.id()))
                                    .map(EventEnvelope::data)
                                    .toList();
                            // Independent statements, sent together: the connection pipelines them, so the
                            // transaction waits for the slowest rather than for their sum.
                            return Uni.combine()
                                    .all()
                                    .unis(
                                            add(tx, CallRollups.rollUp(newCalls)),
                                            clientIps.add(tx, ClientIpRollups.rollUp(newCalls)),
                                            alerts.append(tx, raised))
                                    .with((rollups, addresses, newAlerts) -> new BatchCount(newCalls, newAlerts));
                        }))
                .invoke(this::analyzeIfStale);
    }

    /** Gathers the table's statistics again once it has grown by a tenth (or 5,000 rows) since they were taken. */
    private void analyzeIfStale() {
        long since = insertedSinceAnalyze.get();
        if (since < Math.max(ANALYZE_AFTER_ROWS, insertedTotal.get() / 10) || !analyzing.compareAndSet(false, true)) {
            return;
        }
        insertedSinceAnalyze.addAndGet(-since);
        pool.query("ANALYZE call_rollup").execute().subscribe().with(done -> analyzing.set(false), failure -> {
            analyzing.set(false);
            LOG.warnf("Could not analyze call_rollup: %s", failure.getMessage());
        });
    }

    private Uni<Void> add(SqlConnection tx, Map<RollupKey, CallRollup> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery(INSERT_NEW).execute(withValues(rows)).chain(inserted -> {
            insertedSinceAnalyze.addAndGet(inserted.rowCount());
            insertedTotal.addAndGet(inserted.rowCount());
            Map<RollupKey, CallRollup> existing = new TreeMap<>(rows);
            inserted.forEach(row -> existing.remove(keyOf(row)));
            if (existing.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return tx.preparedQuery(LOCK_EXISTING)
                    .execute(keysOnly(existing.keySet()))
                    .chain(stored -> {
                        Map<RollupKey, CallRollup> merged = new TreeMap<>();
                        stored.forEach(row -> {
                            RollupKey key = keyOf(row);
                            merged.put(key, rollupOf(row).merge(existing.get(key)));
                        });
                        if (merged.size() != existing.size()) {
                            // Rows are never deleted while counting, so a conflicting row must be there to lock.
                            return Uni.createFrom()
                                    .failure(
                                            new IllegalStateException("A rollup row vanished between insert and lock"));
                        }
                        return tx.preparedQuery(WRITE_MERGED)
                                .execute(withValues(merged))
                                .replaceWithVoid();
                    });
        });
    }

    private static Tuple keysOnly(Set<RollupKey> keys) {
        int n = keys.size();
        String[] tenants = new String[n], granularities = new String[n], keyIds = new String[n], routes = new String[n];
        OffsetDateTime[] buckets = new OffsetDateTime[n];
        Integer[] classes = new Integer[n];
        int i = 0;
        for (RollupKey key : keys) {
            tenants[i] = key.tenantId();
            granularities[i] = key.granularity().columnValue();
            buckets[i] = key.bucket().atOffset(ZoneOffset.UTC);
            keyIds[i] = key.keyId();
            routes[i] = key.routeId();
            classes[i] = key.statusClass();
            i++;
        }
        return Tuple.tuple()
                .addArrayOfString(tenants)
                .addArrayOfString(granularities)
                .addArrayOfOffsetDateTime(buckets)
                .addArrayOfString(keyIds)
                .addArrayOfString(routes)
                .addArrayOfInteger(classes);
    }

    private static Tuple withValues(Map<RollupKey, CallRollup> rows) {
        int n = rows.size();
        Long[] calls = new Long[n],
                bytesIn = new Long[n],
                bytesOut = new Long[n],
                sums = new Long[n],
                maxes = new Long[n];
        Buffer[] latencies = new Buffer[n];
        int i = 0;
        for (CallRollup rollup : rows.values()) {
            calls[i] = rollup.calls();
            bytesIn[i] = rollup.bytesIn();
            bytesOut[i] = rollup.bytesOut();
            sums[i] = rollup.durationSumMicros();
            maxes[i] = rollup.maxMicros();
            latencies[i] = Buffer.buffer(LatencyHistograms.encode(rollup.latency()));
            i++;
        }
        return keysOnly(rows.keySet())
                .addArrayOfLong(calls)
                .addArrayOfLong(bytesIn)
                .addArrayOfLong(bytesOut)
                .addArrayOfLong(sums)
                .addArrayOfLong(maxes)
                .addValue(latencies);
    }

    static RollupKey keyOf(Row row) {
        return new RollupKey(
                Granularity.parse(row.getString("granularity")),
                row.getOffsetDateTime("bucket").toInstant(),
                row.getString("tenant_id"),
                row.getString("key_id"),
                row.getString("route_id"),
                row.getInteger("status_class"));
    }

    static CallRollup rollupOf(Row row) {
        return CallRollup.of(
                row.getLong("calls"),
                row.getLong("bytes_in"),
                row.getLong("bytes_out"),
                row.getLong("duration_sum_micros"),
                row.getLong("max_micros"),
                LatencyHistograms.decode(row.getBuffer("latency").getBytes()));
    }
}
