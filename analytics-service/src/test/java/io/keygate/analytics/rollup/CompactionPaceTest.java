package io.keygate.analytics.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompactionPaceTest {

    private static final long MS = 1_000_000L;

    @Test
    void beforeAnyPassWasTimedAPassTakesTheConfiguredNumber() {
        CompactionPace pace = new CompactionPace();

        assertThat(pace.keysFor(2000, 5 * MS)).isEqualTo(2000);
        assertThat(pace.fits(1)).isTrue();
        assertThat(pace.fits(0)).isFalse();
    }

    @Test
    void aPassTakesWhatFitsInTheBudgetLeftAtTheLastPace() {
        CompactionPace pace = new CompactionPace();
        // 2,000 key minutes in 4 s: 2 ms each.
        pace.timed(2000, 4000 * MS);

        assertThat(pace.keysFor(2000, 1000 * MS)).isEqualTo(500);
        assertThat(pace.keysFor(2000, 10_000 * MS)).isEqualTo(2000);
        // Unbounded rounds pass Long.MAX_VALUE minus what they spent.
        assertThat(pace.keysFor(2000, Long.MAX_VALUE - 1)).isEqualTo(2000);
    }

    @Test
    void everyRoundMakesProgressButNoPassStartsWhenNotEvenTheSmallestFits() {
        CompactionPace pace = new CompactionPace();
        pace.timed(1000, 2000 * MS);

        assertThat(pace.keysFor(2000, 0)).isEqualTo(CompactionPace.MIN_KEYS);
        assertThat(pace.keysFor(2000, -5 * MS)).isEqualTo(CompactionPace.MIN_KEYS);
        assertThat(pace.keysFor(10, 0)).isEqualTo(10);
        assertThat(pace.fits(CompactionPace.MIN_KEYS * 2 * MS)).isTrue();
        assertThat(pace.fits(CompactionPace.MIN_KEYS * 2 * MS - 1)).isFalse();
    }

    @Test
    void thePaceFollowsTheLastPassThatTookAny() {
        CompactionPace pace = new CompactionPace();
        pace.timed(100, 100 * MS);
        pace.timed(0, 5000 * MS);

        assertThat(pace.keysFor(2000, 300 * MS)).isEqualTo(300);

        pace.timed(100, 1000 * MS);

        assertThat(pace.keysFor(2000, 3000 * MS)).isEqualTo(300);
    }
}
