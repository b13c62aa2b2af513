package io.keygate.analytics.rollup.store;

import io.keygate.analytics.alert.store.AlertStore;
import io.keygate.analytics.clientip.ClientIpRollups;
import io.keygate.analytics.clientip.store.ClientIpStore;
import io.keygate.analytics.rollup.CallRollup;
import io.keygate.analytics.rollup.CallRollups;
import io.keygate.analytics.rollup.CallWindow;
import io.keygate.analytics.rollup.ConsumedCall;
import io.keygate.analytics.rollup.RollupKey;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Counts a window of call records exactly once, in one transaction: it locks the window's partitions' offset
 * watermarks ({@code consumed_offset}), keeps the calls at or above them (the others were counted by an earlier
 * transaction: a replay), appends one minute row per distinct dimensions of those calls to
 * {@code call_rollup_pending} without reading or locking any stored row, adds the calls per client address ({@link ClientIpStore}), stores the
 * window's alerts ({@link AlertStore}) and moves the watermarks past the window. Hour and day rows are built from
 * the pending rows by {@link RollupCompactor}; readers merge the rows of a key, so partial rows are exact.
 */
@ApplicationScoped
public class RollupStore {

    private final Pool pool;
    private final AlertStore alerts;
    private final ClientIpStore clientIps;
    private final Counter appended;

    RollupStore(Pool pool, AlertStore alerts, ClientIpStore clientIps, MeterRegistry metrics) {
        this.pool = pool;
        this.alerts = alerts;
        this.clientIps = clientIps;
        // Beside keygate.analytics.rollup.rows.compacted: the difference is what compaction has still to merge.
        this.appended = metrics.counter("keygate.analytics.rollup.rows.appended");
    }

    /**
     * Counts the window's calls not counted before and stores the alerts not stored before, in one transaction: an
     * alert is published if and only if the counts of the calls that raised it are committed.
     */
    public Uni<BatchCount> count(CallWindow window) {
        if (window.isEmpty()) {
            return Uni.createFrom().item(new BatchCount(List.of(), List.of(), 0));
        }
        return pool.withTransaction(tx -> ConsumedOffsets.lock(tx, window.topic(), window.nextOffsets())
                        .chain(watermarks -> {
                            List<ConsumedCall> fresh = window.notCountedBefore(watermarks);
                            Map<RollupKey, CallRollup> minutes = CallRollups.rollUpMinutes(fresh);
                            // Independent statements, sent together: the connection pipelines them, so the transaction
                            // waits for the slowest rather than for their sum.
                            return Uni.combine()
                                    .all()
                                    .unis(
                                            append(tx, minutes),
                                            clientIps.add(tx, ClientIpRollups.rollUp(fresh)),
                                            alerts.append(tx, window.alerts()),
                                            ConsumedOffsets.advance(tx, window.topic(), window.nextOffsets()))
                                    .with((rollups, addresses, newAlerts, offsets) ->
                                            new BatchCount(fresh, newAlerts, minutes.size()));
                        }))
                .invoke(count -> appended.increment(count.minuteRows()));
    }

    private static Uni<Void> append(SqlConnection tx, Map<RollupKey, CallRollup> minutes) {
        if (minutes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery(RollupRows.INSERT_PENDING)
                .execute(RollupRows.insertPending(minutes))
                .replaceWithVoid();
    }
}
