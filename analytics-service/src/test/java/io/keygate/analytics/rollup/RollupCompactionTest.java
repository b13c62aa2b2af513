package io.keygate.analytics.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RollupCompactionTest {

    private static final Instant HOUR = Instant.parse("2026-11-29T10:00:00Z");
    private static final RollupKey MINUTE =
            new RollupKey(Granularity.MINUTE, HOUR.plusSeconds(120), "t", "", "k", "r", 2);

    @Test
    void partialMinuteRowsBecomeOneRowAndAreAddedToTheirHourAndDayOnce() {
        RollupCompaction.Minutes compacted = RollupCompaction.ofMinutes(
                List.of(row(MINUTE, false, 100, 300), row(MINUTE, false, 2_000), row(MINUTE, true, 50)));

        CallRollup minute = compacted.minutes().get(MINUTE);
        assertThat(minute.calls()).isEqualTo(4);
        assertThat(minute.maxMicros()).isEqualTo(2_000);
        assertThat(minute.durationSumMicros()).isEqualTo(2_450);
        assertThat(compacted.minutes()).hasSize(1);
        // Only the rows not rolled up yet: the rolled-up one is in the hour and day rows already.
        CallRollup hour = compacted.coarser().get(MINUTE.in(Granularity.HOUR));
        assertThat(hour.calls()).isEqualTo(3);
        assertThat(hour.durationSumMicros()).isEqualTo(2_400);
        assertThat(hour.latency().getTotalCount()).isEqualTo(3);
        assertThat(compacted.coarser().get(MINUTE.in(Granularity.DAY)).calls()).isEqualTo(3);
        assertThat(compacted.coarser()).hasSize(2);
    }

    @Test
    void aLateCallForACompactedMinuteReachesTheHourAndDayExactlyOnce() {
        RollupCompaction.Minutes first = RollupCompaction.ofMinutes(List.of(row(MINUTE, false, 100, 200)));
        Map<RollupKey, CallRollup> hourAndDay = RollupCompaction.addTo(List.of(), first.coarser());
        // The compacted minute row comes back rolled up, next to the late call's row.
        RollupCompaction.Minutes second = RollupCompaction.ofMinutes(
                List.of(new RollupRow(MINUTE, first.minutes().get(MINUTE), true), row(MINUTE, false, 900)));

        Map<RollupKey, CallRollup> after = RollupCompaction.addTo(
                hourAndDay.entrySet().stream()
                        .map(e -> new RollupRow(e.getKey(), e.getValue(), true))
                        .toList(),
                second.coarser());

        assertThat(second.minutes().get(MINUTE).calls()).isEqualTo(3);
        assertThat(after.get(MINUTE.in(Granularity.HOUR)).calls()).isEqualTo(3);
        assertThat(after.get(MINUTE.in(Granularity.HOUR)).maxMicros()).isEqualTo(900);
        assertThat(after.get(MINUTE.in(Granularity.DAY)).calls()).isEqualTo(3);
        assertThat(after.get(MINUTE.in(Granularity.DAY)).latency().getTotalCount())
                .isEqualTo(3);
    }

    @Test
    void onlyMinuteRowsAreCompactedAsMinutes() {
        assertThatThrownBy(() -> RollupCompaction.ofMinutes(List.of(row(MINUTE.in(Granularity.HOUR), true, 1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static RollupRow row(RollupKey key, boolean rolledUp, long... durations) {
        CallRollup rollup = CallRollup.empty();
        for (long duration : durations) {
            rollup.add(1, 1, duration);
        }
        return new RollupRow(key, rollup, rolledUp);
    }
}
