package io.keygate.analytics;

/**
 * Hash codes of the composite keys counting and detection look calls up by (a tenant and an address, a key's minute
 * row). A record's own hash code sums its components' hash codes times 31, and ids differ in their last characters
 * ({@code tenant-3}, {@code 198.51.7.42}): a tenant one higher then cancels an address's second-to-last digit one
 * lower, so up to ten (tenant, address) pairs shared each hash code, the map's bins turned into trees, and a key that
 * is not {@link Comparable} is found in such a tree by walking it. Each component here is multiplied by a large odd
 * constant instead (Fibonacci hashing), which spreads a small difference in one component over all the bits.
 */
public final class DimensionHash {

    /** 2^32 divided by the golden ratio, odd. */
    private static final int SPREAD = 0x9E3779B9;

    /** The hash code of a key with no component yet. */
    public static final int EMPTY = 1;

    private DimensionHash() {}

    /** {@code hash} with one more component's hash code folded in. */
    public static int with(int hash, int component) {
        return (hash + component) * SPREAD;
    }

    /** {@code hash} with one more component folded in; {@code null} counts as 0. */
    public static int with(int hash, Object component) {
        return with(hash, component == null ? 0 : component.hashCode());
    }
}
