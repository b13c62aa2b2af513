package io.keygate.gateway.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StateFreshnessTest {

    private static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");
    private static final Duration CHECK = Duration.ofSeconds(1);

    private final SettableClock clock = new SettableClock(T0);

    private StateFreshness freshness(Optional<Duration> maxStaleness) {
        return new StateFreshness(clock, maxStaleness, CHECK);
    }

    @Test
    void stalenessIsUnknownAndNeverTooStaleBeforeTheFirstProof() {
        StateFreshness freshness = freshness(Optional.of(Duration.ofSeconds(5)));
        clock.advance(Duration.ofHours(1));

        assertThat(freshness.staleness()).isEmpty();
        assertThat(freshness.stalenessSeconds()).isNaN();
        assertThat(freshness.isTooStale()).isFalse();
    }

    @Test
    void reachingTheEndOffsetsOfACheckMakesTheStateFreshAsOfTheCheck() {
        StateFreshness freshness = freshness(Optional.empty());
        long askedAt = freshness.checkStarting();
        clock.advance(Duration.ofMillis(300));
        freshness.awaitPositions(Map.of("keygate.tokens-0", 10L), askedAt);

        freshness.positionsReached(Map.of("keygate.tokens-0", 9L));
        assertThat(freshness.freshAsOf()).isEmpty();

        clock.advance(Duration.ofMillis(200));
        freshness.positionsReached(Map.of("keygate.tokens-0", 10L));

        assertThat(freshness.freshAsOf()).contains(T0);
        assertThat(freshness.staleness()).contains(Duration.ofMillis(500));
        assertThat(freshness.stalenessSeconds()).isEqualTo(0.5);
    }

    @Test
    void stalenessGrowsWhileNoCheckIsAnswered() {
        StateFreshness freshness = provenFreshAtT0(Optional.empty());

        clock.advance(Duration.ofSeconds(1));
        assertThat(freshness.isCheckDue()).isTrue();
        freshness.checkStarting(); // the broker never answers
        clock.advance(Duration.ofSeconds(41));

        assertThat(freshness.staleness()).contains(Duration.ofSeconds(42));
        assertThat(freshness.isTooStale()).as("no maximum configured").isFalse();
    }

    @Test
    void pastTheMaximumStalenessTheStateIsTooStaleUntilANewCheckIsReached() {
        StateFreshness freshness = provenFreshAtT0(Optional.of(Duration.ofSeconds(10)));

        clock.advance(Duration.ofSeconds(10));
        assertThat(freshness.isTooStale()).as("exactly at the maximum").isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(freshness.isTooStale()).isTrue();

        long askedAt = freshness.checkStarting();
        freshness.awaitPositions(Map.of("keygate.tokens-0", 25L), askedAt);
        assertThat(freshness.isTooStale()).as("answered but not reached yet").isTrue();
        freshness.positionsReached(Map.of("keygate.tokens-0", 25L));

        assertThat(freshness.isTooStale()).isFalse();
        assertThat(freshness.freshAsOf()).contains(T0.plusMillis(10_001));
    }

    @Test
    void aCheckIsDueOncePerIntervalAndNotWhileOneAwaitsItsPositions() {
        StateFreshness freshness = freshness(Optional.empty());
        assertThat(freshness.isCheckDue()).isTrue();

        long askedAt = freshness.checkStarting();
        freshness.awaitPositions(Map.of("keygate.tokens-0", 5L), askedAt);
        clock.advance(Duration.ofSeconds(3));
        assertThat(freshness.isCheckDue()).as("pending").isFalse();

        freshness.positionsReached(Map.of("keygate.tokens-0", 5L));
        assertThat(freshness.isCheckDue()).isTrue();

        freshness.checkStarting();
        clock.advance(Duration.ofMillis(999));
        assertThat(freshness.isCheckDue())
                .as("unanswered, interval not elapsed")
                .isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(freshness.isCheckDue()).isTrue();
    }

    @Test
    void aMaximumStalenessNotLongerThanTheCheckIntervalIsRefused() {
        assertThatThrownBy(() -> freshness(Optional.of(CHECK)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("longer than the freshness check interval");
    }

    private StateFreshness provenFreshAtT0(Optional<Duration> maxStaleness) {
        StateFreshness freshness = freshness(maxStaleness);
        long askedAt = freshness.checkStarting();
        freshness.awaitPositions(Map.of("keygate.tokens-0", 3L), askedAt);
        freshness.positionsReached(Map.of("keygate.tokens-0", 3L));
        assertThat(freshness.freshAsOf()).contains(T0);
        return freshness;
    }

    /** A clock the test moves by hand. */
    private static final class SettableClock extends Clock {
        private Instant now;

        SettableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
