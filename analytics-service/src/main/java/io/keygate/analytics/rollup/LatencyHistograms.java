package io.keygate.analytics.rollup;

import java.nio.ByteBuffer;
import org.HdrHistogram.Histogram;

/**
 * How latency histograms are made and stored. Values are call durations in microseconds; two significant digits
 * keep every recorded value within 1 % (a percentile read back is within 1 % of the exact one) while a histogram
 * covering 1 µs to an hour stays a few kilobytes in memory. Histograms auto-resize, so no duration is ever refused.
 * They are stored in HdrHistogram's V2 encoding (zig-zag LEB128 with runs of zeros collapsed: a typical minute of
 * one key is tens of bytes) and merge exactly: the merge of stored histograms equals the histogram of all calls.
 */
public final class LatencyHistograms {

    /** Decimal digits of precision: values within 10^-2 = 1 %. */
    public static final int SIGNIFICANT_DIGITS = 2;

    private LatencyHistograms() {}

    /** An empty histogram with the stored precision. */
    public static Histogram empty() {
        return new Histogram(SIGNIFICANT_DIGITS);
    }

    /** The stored form of a histogram. */
    public static byte[] encode(Histogram histogram) {
        // The needed capacity is the worst case (every count a full word), far above the encoded size; one buffer per
        // thread, reused, spares allocating it for each of the thousands of rows a write encodes.
        int capacity = histogram.getNeededByteBufferCapacity();
        ByteBuffer buffer = ENCODE_BUFFER.get();
        if (buffer.capacity() < capacity) {
            buffer = ByteBuffer.allocate(Math.max(capacity, 2 * buffer.capacity()));
            ENCODE_BUFFER.set(buffer);
        }
        buffer.clear();
        int length = histogram.encodeIntoByteBuffer(buffer);
        byte[] bytes = new byte[length];
        buffer.flip();
        buffer.get(bytes);
        return bytes;
    }

    /**
     * The stored form of the histogram of {@code count} durations, recorded into a histogram reused per thread whose
     * range is the smallest power of two above their maximum. The stored form carries its histogram's range, and
     * decoding allocates for that range: one scratch histogram grown to the longest duration a thread ever saw would
     * make every small row decode as large as the slowest call (a 30 s timeout: ~20 KB per row instead of ~2 KB).
     */
    public static byte[] encode(long[] durations, int count) {
        long max = 0;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, durations[i]);
        }
        Histogram histogram = scratch(max);
        histogram.reset();
        for (int i = 0; i < count; i++) {
            histogram.recordValue(durations[i]);
        }
        return encode(histogram);
    }

    /** This thread's scratch histogram covering 0 to at least {@code max}. */
    private static Histogram scratch(long max) {
        int bits = Math.max(1, 64 - Long.numberOfLeadingZeros(max));
        Histogram[] byBits = SCRATCH.get();
        if (bits >= byBits.length) {
            // Beyond 2^61 µs: no call lasts that long; an auto-resizing one covers it anyway.
            return empty();
        }
        if (byBits[bits] == null) {
            byBits[bits] = new Histogram(1, 1L << bits, SIGNIFICANT_DIGITS);
        }
        return byBits[bits];
    }

    private static final ThreadLocal<Histogram[]> SCRATCH = ThreadLocal.withInitial(() -> new Histogram[62]);

    private static final ThreadLocal<ByteBuffer> ENCODE_BUFFER =
            ThreadLocal.withInitial(() -> ByteBuffer.allocate(64 * 1024));

    /** A histogram from its stored form; auto-resizing, so more values may be added to it. */
    public static Histogram decode(byte[] stored) {
        Histogram histogram = Histogram.decodeFromByteBuffer(ByteBuffer.wrap(stored), 2);
        histogram.setAutoResize(true);
        return histogram;
    }
}
