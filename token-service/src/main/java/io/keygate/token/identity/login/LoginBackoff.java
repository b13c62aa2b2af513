package io.keygate.token.identity.login;

import java.time.Duration;

/**
 * How long repeated login failures lock an account name or a client address: nothing below the threshold, then the
 * base delay, doubled with every further failure, at most the maximum. Failures are forgotten after a quiet window.
 *
 * @param threshold failures before the first lock
 * @param base      the first lock
 * @param max       the longest lock
 */
public record LoginBackoff(int threshold, Duration base, Duration max) {

    public LoginBackoff {
        if (threshold < 1 || base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("Backoff needs threshold >= 1 and 0 < base <= max");
        }
    }

    /** The lock after the {@code failures}-th consecutive failure; zero for none. */
    public Duration lockAfter(int failures) {
        if (failures < threshold) {
            return Duration.ZERO;
        }
        int doublings = failures - threshold;
        if (doublings >= 31) {
            return max;
        }
        Duration lock = base.multipliedBy(1L << doublings);
        return lock.compareTo(max) > 0 ? max : lock;
    }
}
