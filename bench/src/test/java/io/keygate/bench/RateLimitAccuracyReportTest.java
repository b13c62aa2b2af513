package io.keygate.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitAccuracyReportTest {

    @Test
    void optionsDefaultToThirtySecondsThreeRunsClusterAndHybridAtAThousandPerSecond() {
        RateLimitAccuracyOptions options = RateLimitAccuracyOptions.parse(new String[0]);

        assertThat(options.phase().toSeconds()).isEqualTo(30);
        assertThat(options.runs()).isEqualTo(3);
        assertThat(options.modes()).containsExactly("cluster", "hybrid");
        assertThat(options.capacity()).isEqualTo(1_000);
        assertThat(RateLimitAccuracyOptions.parse(
                        new String[] {"10", "5", "--modes=hybrid", "--limit=500", "--burst=50"}))
                .satisfies(o -> assertThat(o.runs()).isEqualTo(5))
                .satisfies(o -> assertThat(o.modes()).containsExactly("hybrid"))
                .satisfies(o -> assertThat(o.capacity()).isEqualTo(550));
        assertThatThrownBy(() -> RateLimitAccuracyOptions.parse(new String[] {"--modes=global"}))
                .hasMessageContaining("global");
    }

    @Test
    void allowedIsTheRateOverTheWindowPlusAFullBucketAndTheMedianRunIsReported() {
        AccuracyRun exact = AccuracyRun.of(300_000, 31_000, 31_000, 269_000, 30.0, 1_000, 1_000, 0);
        AccuracyRun under = AccuracyRun.of(300_000, 27_900, 27_900, 272_100, 30.0, 1_000, 1_000, 0);
        AccuracyRun over = AccuracyRun.of(300_000, 31_310, 31_310, 268_690, 30.0, 1_000, 1_000, 0);

        assertThat(exact.allowed()).isEqualTo(31_000);
        assertThat(exact.ratio()).isEqualTo(1.0);
        assertThat(exact.overload(1_000)).isEqualTo(10.0);
        assertThat(RateLimitAccuracyReport.median(List.of(over, under, exact))).isEqualTo(exact);

        String table = RateLimitAccuracyReport.table(
                RateLimitAccuracyOptions.parse(new String[0]),
                3,
                Map.of("cluster", List.of(over, exact, over), "hybrid", List.of(under)));
        assertThat(table)
                .contains("| cluster | 10.0 × L | 31310 | 31000 | 101.00 % | ±2 %: met |")
                .contains("| hybrid | 10.0 × L | 27900 | 31000 | 90.00 % | ±10 %: met |");
    }
}
