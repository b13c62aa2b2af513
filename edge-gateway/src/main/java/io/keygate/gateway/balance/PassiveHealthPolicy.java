package io.keygate.gateway.balance;

import java.time.Duration;
import java.util.Set;

/**
 * When a route's target counts as failing: after {@code failureThreshold} failed requests in a row it is ejected for
 * {@code cooldown}, then given one trial request. A failure is a connect error, a timeout, or an answer whose status
 * is one of {@code failureStatuses}.
 */
public final class PassiveHealthPolicy {

    private static final int STATUSES = 600;

    private final int failureThreshold;
    private final Duration cooldown;
    private final long cooldownNanos;
    private final boolean[] failureStatuses = new boolean[STATUSES];

    /**
     * @param failureThreshold consecutive failures that eject a target, at least 1
     * @param cooldown         how long an ejected target gets no traffic before its trial request
     * @param failureStatuses  upstream statuses (100..599) that count as a failure of the target, e.g. 502, 503, 504
     */
    public PassiveHealthPolicy(int failureThreshold, Duration cooldown, Set<Integer> failureStatuses) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be at least 1");
        }
        if (cooldown.isNegative() || cooldown.isZero()) {
            throw new IllegalArgumentException("cooldown must be positive");
        }
        for (int status : failureStatuses) {
            if (status < 100 || status >= STATUSES) {
                throw new IllegalArgumentException("failureStatuses must be HTTP statuses, 100..599: " + status);
            }
            // A table, not a Set<Integer>: the lookup runs once per proxied response and must not box.
            this.failureStatuses[status] = true;
        }
        this.failureThreshold = failureThreshold;
        this.cooldown = cooldown;
        this.cooldownNanos = cooldown.toNanos();
    }

    public int failureThreshold() {
        return failureThreshold;
    }

    public Duration cooldown() {
        return cooldown;
    }

    /** Whether an upstream answer with {@code status} counts as a failure of its target. */
    public boolean isFailureStatus(int status) {
        return status >= 0 && status < STATUSES && failureStatuses[status];
    }

    long cooldownNanos() {
        return cooldownNanos;
    }
}
