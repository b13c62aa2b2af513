package io.keygate.token.schedule;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs a background pass (expiry, sweeps) every interval on a Vert.x timer, and at the times {@link #runAt} asks
 * for in between. A periodic tick that comes while the previous pass still runs is skipped rather than piling passes
 * up; a run asked for at a time that comes while a pass runs happens once more when it ends (that pass may have looked
 * before the work fell due). A failed pass is logged and the next tick retries. Passes must be safe to run on several
 * replicas at once: this coordinates nothing between them.
 */
public final class PeriodicPass {

    private static final Logger LOG = Logger.getLogger(PeriodicPass.class);

    private final String name;
    private final Supplier<Uni<Integer>> pass;
    private final IntConsumer onCompleted;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile long timerId = -1;
    private volatile boolean stopped;
    /** The one extra run planned ({@link #runAt}): its time and its timer; at most one is kept, the soonest. */
    private long plannedAtMillis = Long.MAX_VALUE;

    private long plannedTimerId = -1;

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
        timerId = vertx.setPeriodic(interval.toMillis(), id -> tick(false));
    }

    /**
     * Runs a pass at {@code at} as well (at once if it has passed), unless a run sooner than that is planned already;
     * a later planned run gives way to it. For work that falls due between two ticks, so it is done when due rather
     * than up to an interval after.
     */
    public synchronized void runAt(Vertx vertx, Instant at) {
        if (stopped || timerId < 0) {
            return;
        }
        // The millisecond after: a timer on the truncated millisecond could run the pass just before what is due.
        long atMillis = at.toEpochMilli() + 1;
        if (atMillis >= plannedAtMillis) {
            return;
        }
        if (plannedTimerId >= 0) {
            vertx.cancelTimer(plannedTimerId);
        }
        plannedAtMillis = atMillis;
        long delay = Math.max(1, atMillis - System.currentTimeMillis());
        plannedTimerId = vertx.setTimer(delay, id -> {
            synchronized (this) {
                if (plannedTimerId != id) {
                    return;
                }
                plannedTimerId = -1;
                plannedAtMillis = Long.MAX_VALUE;
            }
            tick(true);
        });
    }

    /** Stops the timers; a running pass finishes. */
    public synchronized void stop(Vertx vertx) {
        stopped = true;
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
        if (plannedTimerId >= 0) {
            vertx.cancelTimer(plannedTimerId);
        }
    }

    private void tick(boolean planned) {
        synchronized (this) {
            if (stopped) {
                return;
            }
            if (running.get()) {
                if (planned) {
                    // The running pass may have looked before this work fell due: run once more after it.
                    again.set(true);
                }
                return;
            }
            running.set(true);
        }
        Uni.createFrom()
                .deferred(pass::get)
                .onTermination()
                .invoke(() -> {
                    boolean rerun;
                    synchronized (this) {
                        running.set(false);
                        rerun = again.getAndSet(false);
                    }
                    if (rerun) {
                        tick(true);
                    }
                })
                .subscribe()
                .with(onCompleted::accept, failure -> LOG.warnf(failure, "%s failed; the next pass retries", name));
    }
}
