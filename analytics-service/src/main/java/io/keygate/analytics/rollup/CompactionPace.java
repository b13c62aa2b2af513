package io.keygate.analytics.rollup;

/**
 * How much a compaction pass takes so that a round with a time budget keeps to it: as many minutes of API keys as fit
 * in what is left of the budget at the pace of the last pass (its time per key minute), at most the configured
 * number and at least {@link #MIN_KEYS} (so every round makes progress). Without a budget, or before a pass was
 * timed, a pass takes the configured number. Pure; the pace is the only state, one number, so a pass of a round and one
 * of a concurrent {@code compactClosed} call at worst size the next pass by the other's pace.
 */
public final class CompactionPace {

    /** The fewest minutes of API keys a pass takes (unless fewer are configured). */
    public static final int MIN_KEYS = 50;

    /** Time per key minute of the last pass that took any; 0 before one was timed. */
    private volatile long nanosPerKey;

    /** Minutes of API keys for the next pass, with {@code remainingNanos} of the round's budget left. */
    public int keysFor(int maxKeys, long remainingNanos) {
        int least = Math.min(MIN_KEYS, maxKeys);
        if (nanosPerKey == 0) {
            return maxKeys;
        }
        long fit = Math.max(0, remainingNanos) / nanosPerKey;
        return (int) Math.max(least, Math.min(maxKeys, fit));
    }

    /** Whether another pass fits in {@code remainingNanos}: at least a pass of {@link #MIN_KEYS} at the last pace. */
    public boolean fits(long remainingNanos) {
        return remainingNanos > 0 && (nanosPerKey == 0 || remainingNanos / nanosPerKey >= MIN_KEYS);
    }

    /** Records a pass that took {@code keys} minutes of API keys in {@code nanos}; a pass that took none says nothing. */
    public void timed(long keys, long nanos) {
        if (keys > 0) {
            nanosPerKey = Math.max(1, nanos / keys);
        }
    }
}
