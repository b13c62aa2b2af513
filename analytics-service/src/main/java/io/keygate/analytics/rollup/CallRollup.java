package io.keygate.analytics.rollup;

import java.util.Arrays;
import org.HdrHistogram.Histogram;

/**
 * The sums of the calls of one rollup row: counts and bytes exactly, durations as a histogram (exact to its
 * precision) plus their exact sum and maximum. Mutable while a batch is summed; not shared between threads.
 *
 * <p>A row of a window ({@link #pending()}) has a few calls: it keeps their durations in a small array and builds no
 * histogram unless asked for one, and is encoded through a reused histogram. A plain histogram's counts array covers
 * every value up to the largest recorded (~4 KB for a few milliseconds): ~40 MB for the ~10,000 rows of a
 * 20,000-call window, kept until the window is written; a packed (sparse) one is small but slow to encode (measured:
 * 9 % of the service's CPU).
 */
public final class CallRollup {

    private long calls;
    private long bytesIn;
    private long bytesOut;
    private long durationSumMicros;
    private long maxMicros;
    /** Null while durations are pending. */
    private Histogram latency;

    private long[] pending;
    private int pendingCount;

    private CallRollup(
            long calls, long bytesIn, long bytesOut, long durationSumMicros, long maxMicros, Histogram latency) {
        this.calls = calls;
        this.bytesIn = bytesIn;
        this.bytesOut = bytesOut;
        this.durationSumMicros = durationSumMicros;
        this.maxMicros = maxMicros;
        this.latency = latency;
    }

    /** A rollup of no calls. */
    public static CallRollup empty() {
        return new CallRollup(0, 0, 0, 0, 0, LatencyHistograms.empty());
    }

    /** A rollup of no calls that will take few: their durations are kept as such until encoded or read. */
    public static CallRollup pending() {
        CallRollup rollup = new CallRollup(0, 0, 0, 0, 0, null);
        rollup.pending = new long[2];
        return rollup;
    }

    /** A rollup as stored. */
    public static CallRollup of(
            long calls, long bytesIn, long bytesOut, long durationSumMicros, long maxMicros, Histogram latency) {
        return new CallRollup(calls, bytesIn, bytesOut, durationSumMicros, maxMicros, latency);
    }

    /** Counts one call. */
    public void add(long bytesIn, long bytesOut, long durationMicros) {
        long duration = Math.max(0, durationMicros);
        calls++;
        this.bytesIn += bytesIn;
        this.bytesOut += bytesOut;
        durationSumMicros += duration;
        maxMicros = Math.max(maxMicros, duration);
        if (latency != null) {
            latency.recordValue(duration);
        } else {
            if (pendingCount == pending.length) {
                pending = Arrays.copyOf(pending, pendingCount * 2);
            }
            pending[pendingCount++] = duration;
        }
    }

    /** Adds the calls of {@code other} (same or other row) to this one; exact, histograms included. */
    public CallRollup merge(CallRollup other) {
        calls += other.calls;
        bytesIn += other.bytesIn;
        bytesOut += other.bytesOut;
        durationSumMicros += other.durationSumMicros;
        maxMicros = Math.max(maxMicros, other.maxMicros);
        latency().add(other.latency());
        return this;
    }

    public long calls() {
        return calls;
    }

    public long bytesIn() {
        return bytesIn;
    }

    public long bytesOut() {
        return bytesOut;
    }

    /** Sum of the durations, microseconds (exact; the mean is this over {@link #calls()}). */
    public long durationSumMicros() {
        return durationSumMicros;
    }

    /** The longest duration, microseconds, exact. */
    public long maxMicros() {
        return maxMicros;
    }

    /** The durations' histogram (microseconds); the caller must not change it. */
    public Histogram latency() {
        if (latency == null) {
            latency = LatencyHistograms.empty();
            for (int i = 0; i < pendingCount; i++) {
                latency.recordValue(pending[i]);
            }
            pending = null;
        }
        return latency;
    }

    /** The stored form of the durations' histogram. */
    public byte[] encodedLatency() {
        return latency == null ? LatencyHistograms.encode(pending, pendingCount) : LatencyHistograms.encode(latency);
    }

    /** The duration at {@code percentile} (0–100), microseconds, within the histogram's precision; 0 without calls. */
    public long percentileMicros(double percentile) {
        return calls == 0 ? 0 : latency().getValueAtPercentile(percentile);
    }
}
