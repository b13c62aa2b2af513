package io.keygate.analytics.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyHistogramsTest {

    @Test
    void durationsEncodedAndDecodedAreTheHistogramOfTheDurations() {
        long[] durations = {0, 1, 150, 151, 9_999, 30_000_000};
        Histogram expected = LatencyHistograms.empty();
        for (long duration : durations) {
            expected.recordValue(duration);
        }

        Histogram decoded = LatencyHistograms.decode(LatencyHistograms.encode(durations, durations.length));

        assertThat(decoded.getTotalCount()).isEqualTo(durations.length);
        for (double percentile : new double[] {0, 25, 50, 75, 90, 99, 100}) {
            assertThat(decoded.getValueAtPercentile(percentile))
                    .as("p%s", percentile)
                    .isEqualTo(expected.getValueAtPercentile(percentile));
        }
        assertThat(decoded.getMaxValue()).isEqualTo(expected.getMaxValue());
    }

    @Test
    void aShortRowDecodesSmallAfterALongCallOnTheSameThread() {
        long[] timeout = {30_000_000};
        long[] fast = {120, 180};
        long smallAlone =
                LatencyHistograms.decode(LatencyHistograms.encode(fast, 2)).getEstimatedFootprintInBytes();

        LatencyHistograms.encode(timeout, 1);
        Histogram decoded = LatencyHistograms.decode(LatencyHistograms.encode(fast, 2));

        assertThat(decoded.getEstimatedFootprintInBytes()).isEqualTo(smallAlone);
        assertThat(decoded.getEstimatedFootprintInBytes())
                .isLessThan(LatencyHistograms.decode(LatencyHistograms.encode(timeout, 1))
                                .getEstimatedFootprintInBytes()
                        / 4);
        assertThat(decoded.getTotalCount()).isEqualTo(2);
        assertThat(decoded.getMaxValue()).isEqualTo(decoded.highestEquivalentValue(180));
    }

    @Test
    void aRowOfZeroDurationsEncodes() {
        Histogram decoded = LatencyHistograms.decode(LatencyHistograms.encode(new long[] {0, 0}, 2));

        assertThat(decoded.getTotalCount()).isEqualTo(2);
        assertThat(decoded.getMaxValue()).isZero();
    }

    @Test
    void decodedHistogramsStillTakeLongerDurations() {
        Histogram decoded = LatencyHistograms.decode(LatencyHistograms.encode(new long[] {3}, 1));

        decoded.recordValue(3_600_000_000L);

        assertThat(decoded.getTotalCount()).isEqualTo(2);
        assertThat(decoded.getMaxValue()).isEqualTo(decoded.highestEquivalentValue(3_600_000_000L));
    }
}
