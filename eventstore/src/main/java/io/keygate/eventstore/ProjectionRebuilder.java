package io.keygate.eventstore;

import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Cursor;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Rebuilds read models from the event store: in one transaction it locks and empties every
 * {@link RebuildableProjection}'s tables, then replays each aggregate's events, oldest first, into the
 * projection that owns its type. Commands that would write those tables wait for the commit, and
 * readers see the old rows until then, so nobody ever observes a half-built read model. If anything
 * fails the transaction rolls back and the old read model stays as it was.
 */
@ApplicationScoped
public class ProjectionRebuilder {

    private static final Logger LOG = Logger.getLogger(ProjectionRebuilder.class);
    /** Rows fetched per round trip: bounds memory however large the event store is. */
    private static final int FETCH_SIZE = 1000;

    private final EventStore store;
    private final Instance<RebuildableProjection> projections;

    ProjectionRebuilder(EventStore store, Instance<RebuildableProjection> projections) {
        this.store = store;
        this.projections = projections;
    }

    /** Rebuilds every rebuildable projection of this service. */
    public Uni<RebuildReport> rebuildAll() {
        List<RebuildableProjection> all = projections.stream().toList();
        long start = System.nanoTime();
        Map<String, Long> aggregates = new LinkedHashMap<>();
        Map<String, Long> events = new LinkedHashMap<>();
        all.forEach(projection -> {
            aggregates.put(projection.name(), 0L);
            events.put(projection.name(), 0L);
        });
        return store.inTransaction(tx -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (RebuildableProjection projection : all) {
                        chain = chain.chain(() -> clear(tx, projection));
                    }
                    for (RebuildableProjection projection : all) {
                        chain = chain.chain(
                                () -> replay(tx, projection, new Tally(projection.name(), aggregates, events)));
                    }
                    return chain;
                })
                .map(done -> {
                    RebuildReport report =
                            new RebuildReport(aggregates, events, Duration.ofNanos(System.nanoTime() - start));
                    LOG.infof(
                            "Rebuilt projections %s from %s events in %d ms",
                            report.aggregates().keySet(),
                            report.events(),
                            report.took().toMillis());
                    return report;
                });
    }

    private static Uni<Void> clear(SqlConnection tx, RebuildableProjection projection) {
        String tables = String.join(", ", projection.tables());
        // EXCLUSIVE: readers go on reading the old rows; writers wait for the rebuilt ones.
        return tx.query("LOCK TABLE " + tables + " IN EXCLUSIVE MODE")
                .execute()
                .chain(() -> tx.query("DELETE FROM " + String.join("; DELETE FROM ", projection.tables()))
                        .execute())
                .replaceWithVoid();
    }

    private Uni<Void> replay(SqlConnection tx, RebuildableProjection projection, Tally tally) {
        return tx.prepare("""
                        SELECT aggregate_id, event_id, event_type, source, version, occurred_at, correlation_id,
                            causation_id, actor, client_ip, payload::text AS payload
                        FROM event_store WHERE aggregate_type = ANY($1) ORDER BY aggregate_id, version""").chain(statement -> {
            Cursor cursor =
                    statement.cursor(Tuple.of(projection.aggregateTypes().toArray(String[]::new)));
            return readFrom(tx, cursor, projection, new Pending(), tally)
                    .eventually(() -> cursor.close().chain(statement::close));
        });
    }

    /** Reads the next batch, hands every completed aggregate to the projection, and goes on until the end. */
    private Uni<Void> readFrom(
            SqlConnection tx, Cursor cursor, RebuildableProjection projection, Pending pending, Tally tally) {
        return cursor.read(FETCH_SIZE).chain(rows -> {
            List<Pending> completed = new ArrayList<>();
            Pending current = pending;
            for (Row row : rows) {
                String aggregateId = row.getString("aggregate_id");
                if (current.aggregateId != null && !current.aggregateId.equals(aggregateId)) {
                    completed.add(current);
                    current = new Pending();
                }
                current.aggregateId = aggregateId;
                current.events.add(store.toEnvelope(row));
            }
            if (!cursor.hasMore() && current.aggregateId != null) {
                completed.add(current);
            }
            Pending carried = current;
            Uni<Void> writes = Uni.createFrom().voidItem();
            for (Pending aggregate : completed) {
                writes = writes.chain(() -> projection
                        .rebuild(tx, aggregate.aggregateId, aggregate.events)
                        .invoke(() -> tally.count(aggregate.events.size())));
            }
            return cursor.hasMore() ? writes.chain(() -> readFrom(tx, cursor, projection, carried, tally)) : writes;
        });
    }

    /** The events read so far of the aggregate whose last event may not have been read yet. */
    private static final class Pending {
        private String aggregateId;
        private final List<EventEnvelope<KeygateEvent>> events = new ArrayList<>();
    }

    /** Counts one projection's aggregates and events into the report. */
    private record Tally(String name, Map<String, Long> aggregates, Map<String, Long> events) {
        void count(int eventCount) {
            aggregates.merge(name, 1L, Long::sum);
            events.merge(name, (long) eventCount, Long::sum);
        }
    }
}
