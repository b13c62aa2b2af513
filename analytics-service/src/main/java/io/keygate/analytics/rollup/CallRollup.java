package io.keygate.analytics.rollup;

import org.HdrHistogram.Histogram;

/**
 * The sums of the calls of one rollup row: counts and bytes exactly, durations as a histogram (exact to its
 * precision) plus their exact sum and maximum. Mutable while a batch is summed; not shared between threads.
 */
public final class CallRollup {

    private long calls;
    private long bytesIn;
    private long bytesOut;
    private long durationSumMicros;
    private long maxMicros;
    private final Histogram latency;

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
        latency.recordValue(duration);
    }

    /** Adds the calls of {@code other} (same or other row) to this one; exact, histograms included. */
    public CallRollup merge(CallRollup other) {
        calls += other.calls;
        bytesIn += other.bytesIn;
        bytesOut += other.bytesOut;
        durationSumMicros += other.durationSumMicros;
        maxMicros = Math.max(maxMicros, other.maxMicros);
        latency.add(other.latency);
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
        return latency;
    }

    /** The duration at {@code percentile} (0–100), microseconds, within the histogram's precision; 0 without calls. */
    public long percentileMicros(double percentile) {
        return calls == 0 ? 0 : latency.getValueAtPercentile(percentile);
    }
}
