package io.keygate.analytics.report;

import io.keygate.analytics.rollup.CallRollup;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Merges stored rollup rows into one point per bucket and a total over all of them. Counts add up and histograms
 * merge exactly, so the total's percentiles are those of every call in the window, not an average of buckets'.
 */
public final class UsageSeries {

    private final Map<Instant, CallRollup> buckets = new TreeMap<>();
    private final Map<Instant, Long> errors = new TreeMap<>();
    private final CallRollup total = CallRollup.empty();
    private long totalErrors;

    /** Adds one stored row of {@code bucket}; {@code isError} when its status class is 4xx or 5xx. */
    public void add(Instant bucket, boolean isError, CallRollup row) {
        long rowErrors = isError ? row.calls() : 0;
        total.merge(row);
        totalErrors += rowErrors;
        buckets.computeIfAbsent(bucket, b -> CallRollup.empty()).merge(row);
        errors.merge(bucket, rowErrors, Long::sum);
    }

    /** One point per bucket with calls, oldest first. */
    public List<UsagePoint> points() {
        return buckets.entrySet().stream()
                .map(e -> UsagePoint.of(e.getKey(), e.getValue(), errors.get(e.getKey())))
                .toList();
    }

    /** All buckets together, as a point starting at {@code from}. */
    public UsagePoint total(Instant from) {
        return UsagePoint.of(from, total, totalErrors);
    }
}
