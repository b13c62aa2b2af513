package io.keygate.analytics.rollup;

import static io.keygate.analytics.usage.SampleCalls.call;
import static io.keygate.analytics.usage.SampleCalls.consumed;
import static io.keygate.analytics.usage.SampleCalls.withApplication;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class CallRollupsTest {

    private static final Instant M0 = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void everyCallIsCountedOnceInItsMinuteByTenantApplicationKeyRouteAndStatusClass() {
        Map<RollupKey, CallRollup> rows = CallRollups.rollUpMinutes(consumed(List.of(
                call("acme", "k1", M0.plusSeconds(1), 200, 3, 4),
                call("acme", "k1", M0.plusSeconds(59), 201, 1, 2),
                call("acme", "k1", M0.plusSeconds(60), 503, 5, 6),
                call("acme", null, M0.plusSeconds(5), 404, 10, 100),
                withApplication(call("acme", "k1", M0.plusSeconds(2), 200, 7, 8), "app_1"))));

        RollupKey minute0 = new RollupKey(Granularity.MINUTE, M0, "acme", "", "k1", "rt_1", 2);
        assertThat(rows.get(minute0).calls()).isEqualTo(2);
        assertThat(rows.get(minute0).bytesIn()).isEqualTo(4);
        assertThat(rows.get(minute0).bytesOut()).isEqualTo(6);
        assertThat(rows.get(new RollupKey(Granularity.MINUTE, M0.plusSeconds(60), "acme", "", "k1", "rt_1", 5))
                        .calls())
                .isEqualTo(1);
        assertThat(rows.get(new RollupKey(Granularity.MINUTE, M0, "acme", "", "", "rt_1", 4))
                        .calls())
                .isEqualTo(1);
        assertThat(rows.get(new RollupKey(Granularity.MINUTE, M0, "acme", "app_1", "k1", "rt_1", 2))
                        .bytesIn())
                .isEqualTo(7);
        assertThat(rows).hasSize(4);
        assertThat(rows.keySet())
                .allSatisfy(key -> assertThat(key.granularity()).isEqualTo(Granularity.MINUTE));
    }

    @Test
    void aMinuteRowMovesToTheHourAndDayHoldingIt() {
        RollupKey minute = new RollupKey(Granularity.MINUTE, M0.plusSeconds(59 * 60), "t", "a", "k", "r", 2);

        assertThat(minute.in(Granularity.HOUR)).isEqualTo(new RollupKey(Granularity.HOUR, M0, "t", "a", "k", "r", 2));
        assertThat(minute.in(Granularity.DAY).bucket()).isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
    }

    @Test
    void aStatusClassIsTheHundredsDigitClamped() {
        assertThat(CallRollups.statusClass(200)).isEqualTo(2);
        assertThat(CallRollups.statusClass(499)).isEqualTo(4);
        assertThat(CallRollups.statusClass(599)).isEqualTo(5);
        assertThat(CallRollups.statusClass(99)).isEqualTo(1);
        assertThat(new RollupKey(Granularity.MINUTE, M0, "t", "", "", "", 3).isError())
                .isFalse();
        assertThat(new RollupKey(Granularity.MINUTE, M0, "t", "", "", "", 4).isError())
                .isTrue();
    }

    @Test
    void callsWithoutATenantAreNotRolledUp() {
        assertThat(CallRollups.isRolledUp(call(null, "k1", M0, 401, 0, 0))).isFalse();
        assertThat(CallRollups.isRolledUp(call("acme", null, M0, 404, 0, 0))).isTrue();
        assertThatThrownBy(() -> CallRollups.rollUpMinutes(consumed(List.of(call(null, "k1", M0, 401, 0, 0)))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void storedHistogramsMergeIntoTheHistogramOfAllCalls() {
        Random random = new Random(3);
        long[] durations = random.longs(10_000, 1, 5_000_000).toArray();
        CallRollup whole = CallRollup.empty();
        CallRollup merged = CallRollup.empty();
        for (int part = 0; part < 10; part++) {
            CallRollup batch = CallRollup.empty();
            for (int i = part * 1000; i < (part + 1) * 1000; i++) {
                whole.add(1, 2, durations[i]);
                batch.add(1, 2, durations[i]);
            }
            Histogram stored = LatencyHistograms.decode(LatencyHistograms.encode(batch.latency()));
            merged.merge(CallRollup.of(
                    batch.calls(),
                    batch.bytesIn(),
                    batch.bytesOut(),
                    batch.durationSumMicros(),
                    batch.maxMicros(),
                    stored));
        }

        assertThat(merged.latency()).isEqualTo(whole.latency());
        assertThat(merged.calls()).isEqualTo(10_000);
        assertThat(merged.durationSumMicros())
                .isEqualTo(Arrays.stream(durations).sum());
        assertThat(merged.maxMicros()).isEqualTo(Arrays.stream(durations).max().orElseThrow());
        long[] sorted = durations.clone();
        Arrays.sort(sorted);
        for (double p : new double[] {50, 90, 99}) {
            long exact = sorted[(int) Math.ceil(p / 100 * sorted.length) - 1];
            assertThat((double) merged.percentileMicros(p)).isCloseTo(exact, within(exact * 0.01));
        }
    }

    @Test
    void aWindowRowIsStoredAndMergedLikeAPlainOne() {
        CallRollup large = CallRollup.pending();
        large.add(0, 0, 3_600_000_000L); // grows the reused encoding histogram, which must not leak into the next row
        large.encodedLatency();
        CallRollup pending = CallRollup.pending();
        CallRollup plain = CallRollup.empty();
        for (long duration : new long[] {3, 250, 251, 9_000, 9_000}) {
            pending.add(1, 1, duration);
            plain.add(1, 1, duration);
        }

        assertThat(LatencyHistograms.decode(pending.encodedLatency())).isEqualTo(plain.latency());
        assertThat(LatencyHistograms.decode(pending.encodedLatency()).getMaxValue())
                .isEqualTo(plain.latency().getMaxValue());
        assertThat(pending.encodedLatency()).hasSizeLessThan(100);
        CallRollup merged = CallRollup.empty().merge(pending);
        assertThat(merged.latency()).isEqualTo(plain.latency());
        assertThat(merged.percentileMicros(99)).isEqualTo(plain.percentileMicros(99));
        assertThat(pending.percentileMicros(50)).isEqualTo(plain.percentileMicros(50));
    }

    @Test
    void aStoredHistogramIsSmall() {
        CallRollup rollup = CallRollup.empty();
        for (int i = 0; i < 1000; i++) {
            rollup.add(0, 0, 800 + i % 50);
        }
        assertThat(LatencyHistograms.encode(rollup.latency())).hasSizeLessThan(200);
    }
}
