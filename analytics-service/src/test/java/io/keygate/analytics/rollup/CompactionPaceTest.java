package io.keygate.analytics.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompactionPaceTest {

    private static final long MS = 1_000_000L;

    @Test
    void beforeAnyPassWasTimedAPassTakesTheLeast() {
        CompactionPace pace = new CompactionPace();

        assertThat(pace.keysFor(2000, 5000 * MS)).isEqualTo(CompactionPace.MIN_KEYS);
        assertThat(pace.keysFor(10, 5000 * MS)).isEqualTo(10);
        assertThat(pace.fits(2000, 1)).isTrue();
        assertThat(pace.fits(2000, 0)).isFalse();
    }

    @Test
    void aPassTakesWhatFitsInHalfTheBudgetLeftAtTheLastPace() {
        CompactionPace pace = new CompactionPace();
        // 2,000 key minutes in 4 s: 2 ms each.
        pace.timed(2000, 4000 * MS);

        assertThat(pace.keysFor(2000, 2000 * MS)).isEqualTo(500);
        assertThat(pace.keysFor(2000, 20_000 * MS)).isEqualTo(2000);
        assertThat(pace.keysFor(2000, Long.MAX_VALUE - 1)).isEqualTo(2000);
    }

    @Test
    void everyRoundMakesProgressButNoPassStartsWhenNotEvenTheSmallestFits() {
        CompactionPace pace = new CompactionPace();
        pace.timed(1000, 2000 * MS);

        assertThat(pace.keysFor(2000, 0)).isEqualTo(CompactionPace.MIN_KEYS);
        assertThat(pace.keysFor(2000, -5 * MS)).isEqualTo(CompactionPace.MIN_KEYS);
        assertThat(pace.keysFor(10, 0)).isEqualTo(10);
        // The smallest pass, 50 key minutes at 2 ms, must fit in half of what is left.
        assertThat(pace.fits(2000, 200 * MS)).isTrue();
        assertThat(pace.fits(2000, 200 * MS - 1)).isFalse();
        // With fewer keys configured, the smallest pass is smaller.
        assertThat(pace.fits(10, 40 * MS)).isTrue();
        assertThat(pace.fits(10, 40 * MS - 1)).isFalse();
    }

    @Test
    void thePaceFollowsTheLastPassOfAtLeastTheLeast() {
        CompactionPace pace = new CompactionPace();
        pace.timed(100, 100 * MS);
        // Neither a pass that took nothing nor one that took a few keys (mostly fixed cost) says anything.
        pace.timed(0, 5000 * MS);
        pace.timed(CompactionPace.MIN_KEYS - 1, 5000 * MS);

        assertThat(pace.keysFor(2000, 600 * MS)).isEqualTo(300);

        pace.timed(100, 1000 * MS);

        assertThat(pace.keysFor(2000, 6000 * MS)).isEqualTo(300);
    }
}
