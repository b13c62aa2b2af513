package io.keygate.analytics.usage.kafka;

import io.keygate.analytics.config.AnalyticsConfig;
import io.keygate.analytics.live.LiveCounters;
import io.keygate.analytics.rollup.ConsumedCall;
import io.keygate.analytics.rollup.IngestionLag;
import io.keygate.analytics.rollup.store.BatchCount;
import io.keygate.analytics.rollup.store.RollupStore;
import io.keygate.events.alert.AlertRaised;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * Writes the calls of many poll batches in one transaction ({@link RollupStore#count}) and acknowledges the batches
 * only after it committed, so a crash before the commit replays them and the replay adds nothing (the transaction
 * moved their partitions' offset watermarks past them). A window is written when it is {@code flush-interval} old or holds
 * {@code flush-max-records} records; while it is written the next one fills (the poll loop never waits on the
 * database), and only when that one is full too does {@link #add} hold the channel back until the write ended: at
 * most two windows are in memory. Windows are written one after the other, so batches are acknowledged in order.
 */
@ApplicationScoped
public class CallFlusher {

    private static final Logger LOG = Logger.getLogger(CallFlusher.class);

    private final RollupStore store;
    private final AnalyticsConfig.Analytics config;
    private final LiveCounters live;
    private final IngestionLag lag;
    private final MeterRegistry metrics;
    private final Vertx vertx;
    private final Counter counted;
    private final Counter duplicates;
    private final long intervalNanos;

    private UnflushedCalls open = new UnflushedCalls();
    /** Completes when the window being written is settled; completed while none is. */
    private CompletableFuture<Void> writing = CompletableFuture.completedFuture(null);

    private boolean isWriting;
    private boolean failed;
    private long timer = -1;

    CallFlusher(
            RollupStore store,
            AnalyticsConfig config,
            LiveCounters live,
            IngestionLag lag,
            MeterRegistry metrics,
            Vertx vertx) {
        this.store = store;
        this.config = config.analytics();
        this.live = live;
        this.lag = lag;
        this.metrics = metrics;
        this.vertx = vertx;
        this.counted = metrics.counter("keygate.analytics.calls.counted");
        this.duplicates = metrics.counter("keygate.analytics.calls.duplicate");
        this.intervalNanos = this.config.flushInterval().toNanos();
        metrics.gauge("keygate.analytics.records.unflushed", this, CallFlusher::unflushedRecords);
        // The age of the newest call counted: how far behind the gateways reports and alerts are (while calls flow).
        metrics.gauge("keygate.analytics.ingest.lag.seconds", lag, CallFlusher::lagSeconds);
    }

    void start(@Observes StartupEvent startup) {
        // Checked four times per interval, so a window waits at most 1.25 intervals when calls trickle in.
        long period = Math.max(1, config.flushInterval().toMillis() / 4);
        timer = vertx.setPeriodic(period, id -> flushIfDue());
    }

    /**
     * The timer stops when shutdown begins, so it starts no write on a connection pool that is closing (a window that
     * fills meanwhile may still be written; if it fails, its batches are replayed after the restart).
     */
    void stop(@Observes ShutdownEvent shutdown) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /**
     * Takes in a poll's batch: its calls with a tenant (with their offsets), the offset after each partition's last
     * record (readable or not) and the alerts the calls raised.
     *
     * @return completes when the channel may deliver the next batch: at once, unless the open window is full while
     *     another one is being written
     */
    public synchronized Uni<Void> add(
            BatchAck batch,
            String topic,
            int records,
            List<ConsumedCall> calls,
            Map<Integer, Long> nextOffsets,
            List<AlertRaised> raised) {
        if (failed) {
            return Uni.createFrom()
                    .completionStage(batch.nack(new IllegalStateException("An earlier window could not be written")));
        }
        open.add(batch, topic, records, calls, nextOffsets, raised);
        if (open.records() < config.flushMaxRecords()) {
            return Uni.createFrom().voidItem();
        }
        if (!isWriting) {
            write();
            return Uni.createFrom().voidItem();
        }
        CompletableFuture<Void> previous = writing;
        return Uni.createFrom().completionStage(previous);
    }

    private static double lagSeconds(IngestionLag lag) {
        Instant newest = lag.newestCounted();
        return newest == null
                ? Double.NaN
                : Duration.between(newest, Instant.now()).toMillis() / 1000.0;
    }

    synchronized int unflushedRecords() {
        return open.records();
    }

    private synchronized void flushIfDue() {
        if (!isWriting && !failed && open.isOlderThan(intervalNanos)) {
            write();
        }
    }

    /** Starts writing the open window; the caller holds the lock and no other window is being written. */
    private void write() {
        UnflushedCalls window = open;
        open = new UnflushedCalls();
        isWriting = true;
        CompletableFuture<Void> settled = new CompletableFuture<>();
        writing = settled;
        Duration backoff = config.writeBackoff();
        store.count(window.window(AnalyticsTopics.READ.get(0).topicName()))
                .onFailure()
                .retry()
                .withBackOff(backoff, backoff.multipliedBy(10))
                .atMost(config.writeAttempts())
                .subscribe()
                .with(count -> committed(window, count, settled), failure -> notWritten(window, failure, settled));
    }

    private void committed(UnflushedCalls window, BatchCount count, CompletableFuture<Void> settled) {
        counted.increment(count.freshCalls().size());
        duplicates.increment(window.received() - count.freshCalls().size());
        Instant now = Instant.now();
        live.add(count.freshCalls(), now);
        Instant newest = null;
        for (ConsumedCall call : count.freshCalls()) {
            if (newest == null || call.receivedAt().isAfter(newest)) {
                newest = call.receivedAt();
            }
        }
        if (newest != null) {
            lag.counted(newest, now);
        }
        count.newAlerts()
                .forEach(alert -> metrics.counter(
                                "keygate.analytics.alerts.raised",
                                "kind",
                                alert.kind().name(),
                                "severity",
                                alert.severity().name())
                        .increment());
        window.batches().forEach(BatchAck::ack);
        settle(settled);
    }

    private void notWritten(UnflushedCalls window, Throwable failure, CompletableFuture<Void> settled) {
        LOG.errorf(
                failure,
                "Could not count %d calls of %d batches; the channel stops and the batches will be replayed",
                window.received(),
                window.batches().size());
        synchronized (this) {
            // Nothing after a lost window may be acknowledged: the channel stops, a restart replays from here.
            failed = true;
        }
        window.batches().forEach(batch -> batch.nack(failure));
        settle(settled);
    }

    private void settle(CompletableFuture<Void> settled) {
        synchronized (this) {
            isWriting = false;
            if (!failed && (open.records() >= config.flushMaxRecords() || open.isOlderThan(intervalNanos))) {
                write();
            }
        }
        settled.complete(null);
    }
}
