package io.keygate.token.schedule;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs a background pass (expiry, sweeps) every interval on a Vert.x timer. A tick that comes while the
 * previous pass still runs is skipped rather than piling passes up; a failed pass is logged and the next
 * tick retries. Passes must be safe to run on several replicas at once: this coordinates nothing between them.
 */
public final class PeriodicPass {

    private static final Logger LOG = Logger.getLogger(PeriodicPass.class);

    private final String name;
    private final Supplier<Uni<Integer>> pass;
    private final IntConsumer onCompleted;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile long timerId = -1;

    /**
     * @param name        what the pass does, for logs (e.g. {@code API key expiry})
     * @param pass        one pass; its item is how much it did
     * @param onCompleted told how much each completed pass did
     */
    public PeriodicPass(String name, Supplier<Uni<Integer>> pass, IntConsumer onCompleted) {
        this.name = name;
        this.pass = pass;
        this.onCompleted = onCompleted;
    }

    /** Starts the timer; an interval of zero leaves the pass off, as its configuration documents. */
    public void start(Vertx vertx, Duration interval, String intervalProperty) {
        if (interval.isZero()) {
            LOG.infof("%s is off (%s=0)", name, intervalProperty);
            return;
        }
        timerId = vertx.setPeriodic(interval.toMillis(), id -> tick());
    }

    /** Stops the timer; a running pass finishes. */
    public void stop(Vertx vertx) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    private void tick() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        pass.get()
                .onTermination()
                .invoke(() -> running.set(false))
                .subscribe()
                .with(onCompleted::accept, failure -> LOG.warnf(failure, "%s failed; the next pass retries", name));
    }
}
