package io.keygate.analytics.rollup;

/**
 * How much a pass of a compaction round with a time budget takes so that the round keeps to the budget: as many
 * minutes of API keys as fit in half the budget left at the last timed pass's pace (its time per key minute), at
 * most the configured number and at least {@link #MIN_KEYS} (so every round makes progress). Half, because passes of
 * one size vary (measured: 1.7 to 2.8 s under counting's load), so a pass up to twice as slow as the last still ends
 * within the budget. Before a pass was timed, a pass takes the least. The pace is the only state, one number, so a
 * pass of a round and one of a concurrent unbudgeted call at worst size the next pass by the other's pace.
 */
public final class CompactionPace {

    /** The fewest minutes of API keys a pass of a budgeted round takes (unless fewer are configured). */
    public static final int MIN_KEYS = 50;

    /**
     * Time per key minute of the last pass of at least {@link #MIN_KEYS}; 0 before one. Smaller passes are not timed:
     * their fixed cost (the lock, the client addresses, the commit) over a few keys would make the pace look slow.
     */
    private volatile long nanosPerKey;

    /** Minutes of API keys for the next pass, with {@code remainingNanos} of the round's budget left. */
    public int keysFor(int maxKeys, long remainingNanos) {
        long pace = nanosPerKey;
        if (pace == 0) {
            return least(maxKeys);
        }
        return (int) Math.max(least(maxKeys), Math.min(maxKeys, fitting(remainingNanos, pace)));
    }

    /** Whether another pass fits in {@code remainingNanos}: at least the smallest pass, at the last pace, in half of it. */
    public boolean fits(int maxKeys, long remainingNanos) {
        long pace = nanosPerKey;
        return remainingNanos > 0 && (pace == 0 || fitting(remainingNanos, pace) >= least(maxKeys));
    }

    /** The smallest pass: {@link #MIN_KEYS}, or fewer if fewer are configured. */
    private static int least(int maxKeys) {
        return Math.min(MIN_KEYS, maxKeys);
    }

    /** Key minutes that take half of {@code remainingNanos} at {@code pace}. */
    private static long fitting(long remainingNanos, long pace) {
        return Math.max(0, remainingNanos) / 2 / pace;
    }

    /** Records a pass that took {@code keys} minutes of API keys in {@code nanos}. */
    public void timed(long keys, long nanos) {
        if (keys >= MIN_KEYS) {
            nanosPerKey = Math.max(1, nanos / keys);
        }
    }
}
