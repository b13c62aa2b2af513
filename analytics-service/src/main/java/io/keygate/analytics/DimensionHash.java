package io.keygate.analytics;

/**
 * Hash codes of the composite keys counting, detection and compaction look calls up by (a tenant and an address, a
 * key's minute row). A record's own hash code sums its components' hash codes times 31, and ids differ in their last
 * characters ({@code tenant-3}, {@code 198.51.7.42}): a tenant one higher then cancels an address's second-to-last
 * digit one lower, so many (tenant, address) pairs share a hash code, a map's bins turn into trees, and a key that is
 * not {@link Comparable} is found in such a tree by walking it. Here each component is folded in with a multiply by a
 * large odd constant (Fibonacci hashing), which carries a small difference in one component into the high bits, and
 * {@link #finish} mixes the high bits back into the low ones that pick a map's bin.
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

    /** The hash code of a key whose components were folded in, every bit mixed into all (MurmurHash3's finaliser). */
    public static int finish(int hash) {
        int h = hash;
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        return h ^ (h >>> 16);
    }

    /** The hash code of a key of two components. */
    public static int of(Object first, Object second) {
        return finish(with(with(EMPTY, first), second));
    }

    /** The hash code of a key of three components. */
    public static int of(Object first, Object second, Object third) {
        return finish(with(with(with(EMPTY, first), second), third));
    }
}
