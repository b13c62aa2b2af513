package io.keygate.analytics.report;

import io.keygate.analytics.rollup.Granularity;
import io.keygate.analytics.usage.InvalidParameterException;
import io.keygate.analytics.usage.UsageWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a report covers: a tenant, optionally narrowed to one application, key and/or route, over the buckets of a
 * granularity that overlap a window.
 *
 * @param tenantId      the tenant
 * @param applicationId one application, or null for all
 * @param keyId         one key, or null for all
 * @param routeId     one route, or null for all
 * @param granularity bucket size
 * @param window      the window asked for
 */
public record ReportQuery(
        String tenantId,
        String applicationId,
        String keyId,
        String routeId,
        Granularity granularity,
        UsageWindow window) {

    /** The most buckets one report may hold. */
    public static final long MAX_BUCKETS = 1_500;

    public ReportQuery {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(window, "window");
        long buckets = Duration.between(firstBucket(granularity, window), window.to())
                        .dividedBy(Duration.of(1, granularity.unit()))
                + 1;
        if (buckets > MAX_BUCKETS) {
            throw new InvalidParameterException(
                    "granularity",
                    "the window holds more than " + MAX_BUCKETS + " buckets of one " + granularity.columnValue()
                            + ": choose a coarser granularity or a shorter window");
        }
    }

    /** The first bucket in the window (the one holding {@code from}). */
    public Instant firstBucket() {
        return firstBucket(granularity, window);
    }

    /** The end of the last bucket in the window (the one holding the instant just before {@code to}). */
    public Instant lastBucketEnd() {
        Instant last = granularity.bucketOf(window.to());
        return last.equals(window.to()) ? last : last.plus(1, granularity.unit());
    }

    private static Instant firstBucket(Granularity granularity, UsageWindow window) {
        return granularity.bucketOf(window.from());
    }
}
