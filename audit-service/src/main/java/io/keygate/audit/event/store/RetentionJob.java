package io.keygate.audit.event.store;

import io.keygate.audit.config.AuditConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * Applies the retention periods: call records by dropping whole day partitions older than {@code
 * keygate.calls.retention}; audit entries by deleting, per chain, the prefix of entries older than {@code
 * keygate.audit.retention} (a chain then starts at its oldest kept entry, whose stored link is taken as given,
 * anchored by the signed checkpoints kept by whoever subscribed to them).
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    private final Pool pool;
    private final AuditEventStore store;
    private final AuditConfig config;
    private final Clock clock = Clock.systemUTC();
    private final Counter partitionsDropped;
    private final Counter entriesDeleted;

    RetentionJob(Pool pool, AuditEventStore store, AuditConfig config, MeterRegistry metrics) {
        this.pool = pool;
        this.store = store;
        this.config = config;
        this.partitionsDropped = metrics.counter("keygate.audit.calls.partitions.dropped");
        this.entriesDeleted = metrics.counter("keygate.audit.entries.expired");
    }

    @Scheduled(
            every = "${keygate.retention.interval:1h}",
            delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run().onFailure()
                .recoverWithItem(failure -> {
                    LOG.warnf("Retention run failed, retried on the next run: %s", failure.toString());
                    return null;
                })
                .replaceWithVoid();
    }

    /** One run at the current time. */
    public Uni<Void> run() {
        Instant now = clock.instant();
        LocalDate oldestCallDay = LocalDate.ofInstant(now.minus(config.calls().retention()), ZoneOffset.UTC);
        Instant oldestEntry = now.minus(config.audit().retention());
        return store.partitions()
                .dropBefore(oldestCallDay)
                .invoke(days -> {
                    partitionsDropped.increment(days.size());
                    if (!days.isEmpty()) {
                        LOG.infof(
                                "Dropped call records of %s (older than %s)",
                                days, config.calls().retention());
                    }
                })
                // A chain loses a prefix, never a middle entry: an old entry after a newer one in chain order stays
                // until every entry before the newer one is old too.
                .chain(() -> pool.preparedQuery("WITH keep AS (SELECT h.chain, coalesce((SELECT min(n.chain_seq) FROM"
                                + " audit_entry n WHERE n.chain = h.chain AND n.occurred_at >= $1), h.last_seq + 1)"
                                + " AS keep_from FROM audit_chain_head h) DELETE FROM audit_entry e USING keep k"
                                + " WHERE e.chain = k.chain AND e.chain_seq < k.keep_from")
                        .execute(Tuple.of(oldestEntry.atOffset(ZoneOffset.UTC))))
                .invoke(rows -> entriesDeleted.increment(rows.rowCount()))
                .replaceWithVoid();
    }
}
