package io.keygate.gateway.balance;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Chooses a route's target for each attempt: smooth weighted round-robin as nginx does it (weights 3:1 give
 * {@code A A B A}, not {@code A A A B}) while every target is healthy, and passive health on top: a target that fails
 * too often in a row is ejected for a cooldown, then given one trial request.
 *
 * <p>The round-robin order of one whole cycle is computed once, when the route is applied; a pick is then one atomic
 * increment and an array read, shared by every event loop without a lock. While a target is ejected its share goes to
 * the healthy ones in proportion to their weights (a weighted random pick). When every target is ejected, the least
 * recently ejected one is tried rather than failing every request.
 *
 * <p>Attempts of one request pass the targets they already tried as a bit set ({@code 1L << index}), so a retry goes
 * to another target while there is one.
 */
public final class TargetBalancer {

    /** Most targets a route may have: the tried targets of a request fit in a {@code long}. */
    public static final int MAX_TARGETS = 64;

    private final int[] weights;
    private final short[] cycle;
    private final TargetHealth[] health;
    private final long allTargets;
    private final AtomicLong tickets = new AtomicLong();

    private TargetBalancer(int[] weights) {
        this.weights = weights;
        this.cycle = smoothCycle(weights);
        this.health = new TargetHealth[weights.length];
        for (int i = 0; i < health.length; i++) {
            health[i] = new TargetHealth();
        }
        this.allTargets = weights.length == MAX_TARGETS ? -1L : (1L << weights.length) - 1;
    }

    /**
     * A balancer over targets with these weights, in the route's order.
     *
     * @throws IllegalArgumentException for no targets, more than {@link #MAX_TARGETS}, or a weight below 1
     */
    public static TargetBalancer weighted(List<Integer> weights) {
        if (weights.isEmpty() || weights.size() > MAX_TARGETS) {
            throw new IllegalArgumentException("A route needs 1 to " + MAX_TARGETS + " targets");
        }
        int[] values = new int[weights.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = weights.get(i);
            if (values[i] < 1) {
                throw new IllegalArgumentException("Target weights must be at least 1");
            }
        }
        return new TargetBalancer(values);
    }

    /** Number of targets. */
    public int size() {
        return weights.length;
    }

    /**
     * The target for the next attempt.
     *
     * @param now    {@link System#nanoTime()}
     * @param tried  targets this request already tried, as bits; 0 for a first attempt
     * @param policy when an ejected target may have its trial request
     * @return the index of the target, in the route's order
     */
    public int pick(long now, long tried, PassiveHealthPolicy policy) {
        if (weights.length == 1) {
            return 0;
        }
        long candidates = allTargets & ~tried;
        if (candidates == 0) {
            candidates = allTargets;
        }
        int scheduled = cycle[(int) Long.remainderUnsigned(tickets.getAndIncrement(), cycle.length)];
        if (isIn(candidates, scheduled)) {
            TargetHealth target = health[scheduled];
            if (target.isHealthy() || target.tryClaimTrial(now, policy.cooldownNanos())) {
                return scheduled;
            }
        }
        int healthy = weightedHealthy(candidates);
        if (healthy >= 0) {
            return healthy;
        }
        for (int i = 0; i < health.length; i++) {
            if (isIn(candidates, i) && health[i].tryClaimTrial(now, policy.cooldownNanos())) {
                return i;
            }
        }
        return leastRecentlyEjected(candidates);
    }

    /** Reports a successful attempt on target {@code index}. */
    public HealthChange succeeded(int index) {
        return health[index].succeeded();
    }

    /** Reports a failed attempt on target {@code index} (connect error, timeout or a failure status). */
    public HealthChange failed(int index, long now, PassiveHealthPolicy policy) {
        return health[index].failed(now, policy);
    }

    /** Whether target {@code index} is in the rotation (not ejected). */
    public boolean isHealthy(int index) {
        return health[index].isHealthy();
    }

    private int weightedHealthy(long candidates) {
        int total = 0;
        for (int i = 0; i < weights.length; i++) {
            if (isIn(candidates, i) && health[i].isHealthy()) {
                total += weights[i];
            }
        }
        if (total == 0) {
            return -1;
        }
        int point = ThreadLocalRandom.current().nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            if (isIn(candidates, i) && health[i].isHealthy()) {
                point -= weights[i];
                if (point < 0) {
                    return i;
                }
            }
        }
        // A target was ejected between the two passes: any candidate will do.
        return Long.numberOfTrailingZeros(candidates);
    }

    private int leastRecentlyEjected(long candidates) {
        int chosen = -1;
        long earliest = Long.MAX_VALUE;
        for (int i = 0; i < health.length; i++) {
            long ejectedAt = health[i].ejectedAt();
            if (isIn(candidates, i) && (chosen < 0 || ejectedAt - earliest < 0)) {
                chosen = i;
                earliest = ejectedAt;
            }
        }
        return chosen;
    }

    private static boolean isIn(long targets, int index) {
        return (targets & (1L << index)) != 0;
    }

    /**
     * One cycle of nginx's smooth weighted round-robin: each step every target gains its weight, the one with the
     * most is chosen and pays the total. Weights are divided by their greatest common divisor first, so 300:100
     * cycles like 3:1.
     */
    static short[] smoothCycle(int[] weights) {
        int divisor = 0;
        for (int weight : weights) {
            divisor = gcd(divisor, weight);
        }
        int[] reduced = new int[weights.length];
        int total = 0;
        for (int i = 0; i < weights.length; i++) {
            reduced[i] = weights[i] / divisor;
            total += reduced[i];
        }
        int[] current = new int[weights.length];
        short[] cycle = new short[total];
        for (int step = 0; step < total; step++) {
            int best = 0;
            for (int i = 0; i < reduced.length; i++) {
                current[i] += reduced[i];
                if (current[i] > current[best]) {
                    best = i;
                }
            }
            current[best] -= total;
            cycle[step] = (short) best;
        }
        return cycle;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
