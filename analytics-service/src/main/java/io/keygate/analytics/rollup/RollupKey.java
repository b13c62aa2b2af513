package io.keygate.analytics.rollup;

import io.keygate.analytics.DimensionHash;
import java.time.Instant;
import java.util.Objects;

/**
 * The dimensions of one rollup row. Absent application, key and route are the empty string (not null), so rows of
 * the same dimensions compare equal and group together.
 *
 * @param granularity   bucket size
 * @param bucket        start of the bucket, UTC, by the gateway's receive time
 * @param tenantId      tenant the gateway recorded
 * @param applicationId application of the credential presented, or {@code ""}
 * @param keyId         credential presented, or {@code ""}
 * @param routeId       route matched, or {@code ""}
 * @param statusClass   the status sent to the client divided by 100 (1 to 5)
 */
public record RollupKey(
        Granularity granularity,
        Instant bucket,
        String tenantId,
        String applicationId,
        String keyId,
        String routeId,
        int statusClass)
        implements Comparable<RollupKey> {

    public RollupKey {
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(routeId, "routeId");
    }

    /**
     * Spread over ids that differ in their last characters (see {@link DimensionHash}); the granularity by its ordinal,
     * so a key hashes alike in every process.
     */
    @Override
    public int hashCode() {
        int hash = DimensionHash.with(DimensionHash.EMPTY, granularity.ordinal());
        hash = DimensionHash.with(hash, bucket);
        hash = DimensionHash.with(hash, tenantId);
        hash = DimensionHash.with(hash, applicationId);
        hash = DimensionHash.with(hash, keyId);
        hash = DimensionHash.with(hash, routeId);
        return DimensionHash.finish(DimensionHash.with(hash, statusClass));
    }

    /** Whether calls of this class are errors: answered with a status of 400 or more. */
    public boolean isError() {
        return statusClass >= 4;
    }

    /** The same dimensions in the bucket of {@code coarser} that holds this row's bucket. */
    public RollupKey in(Granularity coarser) {
        return new RollupKey(coarser, coarser.bucketOf(bucket), tenantId, applicationId, keyId, routeId, statusClass);
    }

    /**
     * Tenant, granularity, bucket, application, key, route, status class: the order compaction writes rows in.
     * Written out rather than a chain of comparators: compaction sorts thousands of rows per pass.
     */
    @Override
    public int compareTo(RollupKey other) {
        int c = tenantId.compareTo(other.tenantId);
        if (c == 0) {
            c = granularity.compareTo(other.granularity);
        }
        if (c == 0) {
            c = bucket.compareTo(other.bucket);
        }
        if (c == 0) {
            c = applicationId.compareTo(other.applicationId);
        }
        if (c == 0) {
            c = keyId.compareTo(other.keyId);
        }
        if (c == 0) {
            c = routeId.compareTo(other.routeId);
        }
        return c != 0 ? c : Integer.compare(statusClass, other.statusClass);
    }
}
