package io.keygate.gateway.balance;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Passive health of one target, shared by every event loop: consecutive failures, and whether and since when the
 * target is ejected. Lock-free: a counter, and one reference that is null while the target is healthy (the common
 * case, read without writing) and swapped by compare-and-set on the rare transitions.
 */
final class TargetHealth {

    /**
     * An ejection in force.
     *
     * @param ejectedAt when the cooldown started (nanoTime)
     * @param until     when the cooldown ends and a trial request may go (nanoTime)
     * @param trialAt   when a trial request was sent, valid when {@code onTrial}
     * @param onTrial   whether a trial request is under way
     */
    private record Ejection(long ejectedAt, long until, long trialAt, boolean onTrial) {

        static Ejection startingAt(long now, long cooldownNanos) {
            return new Ejection(now, now + cooldownNanos, 0, false);
        }
    }

    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private final AtomicReference<Ejection> ejection = new AtomicReference<>();

    boolean isHealthy() {
        return ejection.get() == null;
    }

    /** When the target's current ejection started; {@link Long#MAX_VALUE} when it is healthy. */
    long ejectedAt() {
        Ejection current = ejection.get();
        return current == null ? Long.MAX_VALUE : current.ejectedAt();
    }

    /**
     * Claims the trial request of an ejected target whose cooldown is over. A trial that never reported back (its
     * request vanished) may be claimed again one cooldown later, so a target cannot stay ejected for ever.
     */
    boolean tryClaimTrial(long now, long cooldownNanos) {
        Ejection current = ejection.get();
        if (current == null || now - current.until() < 0) {
            return false;
        }
        if (current.onTrial() && now - current.trialAt() < cooldownNanos) {
            return false;
        }
        return ejection.compareAndSet(current, new Ejection(current.ejectedAt(), current.until(), now, true));
    }

    HealthChange succeeded() {
        if (consecutiveFailures.get() != 0) {
            consecutiveFailures.set(0);
        }
        Ejection current = ejection.get();
        if (current != null && current.onTrial() && ejection.compareAndSet(current, null)) {
            return HealthChange.RETURNED;
        }
        return HealthChange.NONE;
    }

    HealthChange failed(long now, PassiveHealthPolicy policy) {
        int failures = consecutiveFailures.incrementAndGet();
        while (true) {
            Ejection current = ejection.get();
            if (current == null) {
                if (failures < policy.failureThreshold()) {
                    return HealthChange.NONE;
                }
                if (ejection.compareAndSet(null, Ejection.startingAt(now, policy.cooldownNanos()))) {
                    return HealthChange.EJECTED;
                }
            } else if (!current.onTrial()) {
                // A request sent before the ejection failing late: the target is out already.
                return HealthChange.NONE;
            } else if (ejection.compareAndSet(current, Ejection.startingAt(now, policy.cooldownNanos()))) {
                return HealthChange.EJECTED;
            }
        }
    }
}
