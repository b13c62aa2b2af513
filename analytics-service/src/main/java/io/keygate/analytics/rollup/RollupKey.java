package io.keygate.analytics.rollup;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * The dimensions of one rollup row. Absent key and route are the empty string (not null), so they can be part of
 * the primary key and compare equal.
 *
 * @param granularity bucket size
 * @param bucket      start of the bucket, UTC, by the gateway's receive time
 * @param tenantId    tenant the gateway recorded
 * @param keyId       credential presented, or {@code ""}
 * @param routeId     route matched, or {@code ""}
 * @param statusClass the status sent to the client divided by 100 (1 to 5)
 */
public record RollupKey(
        Granularity granularity, Instant bucket, String tenantId, String keyId, String routeId, int statusClass)
        implements Comparable<RollupKey> {

    /** One order for every writer, so concurrent writers lock rows in the same order. */
    private static final Comparator<RollupKey> ORDER = Comparator.comparing(RollupKey::tenantId)
            .thenComparing(RollupKey::granularity)
            .thenComparing(RollupKey::bucket)
            .thenComparing(RollupKey::keyId)
            .thenComparing(RollupKey::routeId)
            .thenComparingInt(RollupKey::statusClass);

    public RollupKey {
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(routeId, "routeId");
    }

    /** Whether calls of this class are errors: answered with a status of 400 or more. */
    public boolean isError() {
        return statusClass >= 4;
    }

    @Override
    public int compareTo(RollupKey other) {
        return ORDER.compare(this, other);
    }
}
