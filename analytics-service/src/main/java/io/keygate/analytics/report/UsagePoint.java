package io.keygate.analytics.report;

import io.keygate.analytics.rollup.CallRollup;
import java.time.Instant;

/**
 * The usage of one bucket (or of a whole window): counts and bytes exact, latency percentiles within the stored
 * histograms' precision (1 %), mean and maximum exact.
 *
 * @param bucket    start of the bucket, UTC, or the window's start for a total
 * @param calls     requests
 * @param errors    requests answered with a status of 400 or more
 * @param errorRate errors over calls, 0 without calls
 * @param bytesIn   request body bytes
 * @param bytesOut  response body bytes
 * @param latency   durations, microseconds
 */
public record UsagePoint(
        Instant bucket, long calls, long errors, double errorRate, long bytesIn, long bytesOut, Latency latency) {

    /**
     * Call durations, microseconds.
     *
     * @param p50  median
     * @param p90  90th percentile
     * @param p99  99th percentile
     * @param max  longest, exact
     * @param mean mean, exact (rounded down)
     */
    public record Latency(long p50, long p90, long p99, long max, long mean) {}

    /** The point of a bucket's merged rows. */
    public static UsagePoint of(Instant bucket, CallRollup rollup, long errors) {
        long calls = rollup.calls();
        return new UsagePoint(
                bucket,
                calls,
                errors,
                calls == 0 ? 0 : (double) errors / calls,
                rollup.bytesIn(),
                rollup.bytesOut(),
                new Latency(
                        rollup.percentileMicros(50),
                        rollup.percentileMicros(90),
                        rollup.percentileMicros(99),
                        rollup.maxMicros(),
                        calls == 0 ? 0 : rollup.durationSumMicros() / calls));
    }
}
