package io.keygate.gateway.balance;

import java.time.Duration;
import java.util.Set;

/**
 * When a route's target counts as failing: after {@code failureThreshold} failed requests in a row it is ejected for
 * {@code cooldown}, then given one trial request. A failure is a connect error, a timeout, or an answer whose status
 * is in {@code failureStatuses}.
 *
 * @param failureThreshold consecutive failures that eject a target, at least 1
 * @param cooldown         how long an ejected target gets no traffic before its trial request
 * @param failureStatuses  upstream statuses that count as a failure of the target (e.g. 502, 503, 504)
 */
public record PassiveHealthPolicy(int failureThreshold, Duration cooldown, Set<Integer> failureStatuses) {

    public PassiveHealthPolicy {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be at least 1");
        }
        if (cooldown.isNegative() || cooldown.isZero()) {
            throw new IllegalArgumentException("cooldown must be positive");
        }
        failureStatuses = Set.copyOf(failureStatuses);
    }

    /** Whether an upstream answer with {@code status} counts as a failure of its target. */
    public boolean isFailureStatus(int status) {
        return failureStatuses.contains(status);
    }

    long cooldownNanos() {
        return cooldown.toNanos();
    }
}
