package io.keygate.analytics.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IngestionLagTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final Duration LAG = Duration.ofMinutes(2);
    private static final Duration ACTIVE = Duration.ofMinutes(1);

    @Test
    void behindWhileOldCallsAreStillBeingCounted() {
        IngestionLag lag = new IngestionLag();
        lag.counted(NOW.minus(Duration.ofMinutes(10)), NOW.minusSeconds(5));

        assertThat(lag.isBehind(NOW, LAG, ACTIVE)).isTrue();
    }

    @Test
    void notBehindWhenTheNewestCallIsRecentOrNothingWasCountedLately() {
        IngestionLag fresh = new IngestionLag();
        fresh.counted(NOW.minusSeconds(3), NOW.minusSeconds(1));
        // Old calls, but none counted for longer than `active`: idle, not behind.
        IngestionLag idle = new IngestionLag();
        idle.counted(NOW.minus(Duration.ofMinutes(10)), NOW.minus(Duration.ofMinutes(5)));

        assertThat(fresh.isBehind(NOW, LAG, ACTIVE)).isFalse();
        assertThat(idle.isBehind(NOW, LAG, ACTIVE)).isFalse();
        assertThat(new IngestionLag().isBehind(NOW, LAG, ACTIVE)).isFalse();
    }

    @Test
    void theLastWindowDecides() {
        IngestionLag lag = new IngestionLag();
        lag.counted(NOW.minusSeconds(10), NOW.minusSeconds(2));
        assertThat(lag.isBehind(NOW, LAG, ACTIVE)).isFalse();
        // A partition taken over after a rebalance: its backlog's windows hold only older calls.
        lag.counted(NOW.minus(Duration.ofMinutes(10)), NOW.minusSeconds(1));

        assertThat(lag.newestCounted()).isEqualTo(NOW.minus(Duration.ofMinutes(10)));
        assertThat(lag.isBehind(NOW, LAG, ACTIVE)).isTrue();
    }
}
