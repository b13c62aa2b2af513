package io.keygate.gateway.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.events.oauth.AccessTokenRevoked;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RevokedAccessTokensTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final RevokedAccessTokens revoked = new RevokedAccessTokens(clock);

    private static AccessTokenRevoked revocation(String jti, Instant expiresAt) {
        return new AccessTokenRevoked(jti, "acme", "kgc_1", expiresAt, T0);
    }

    @Test
    void revokedJtiIsKeptUntilItsTokenCouldNoLongerBeAcceptedThenPruned() {
        Instant exp = T0.plus(Duration.ofMinutes(15));
        assertThat(revoked.apply(revocation("j1", exp))).isTrue();

        clock.now = exp.plus(RevokedAccessTokens.KEPT_AFTER_EXPIRY).minusSeconds(1);
        revoked.pruneExpired();
        assertThat(revoked.isRevoked("j1")).isTrue();

        clock.now = exp.plus(RevokedAccessTokens.KEPT_AFTER_EXPIRY);
        revoked.pruneExpired();
        assertThat(revoked.isRevoked("j1")).isFalse();
        assertThat(revoked.size()).isZero();
    }

    @Test
    void pruningDropsOnlyTheExpiredOnesInAnyArrivalOrder() {
        revoked.apply(revocation("late", T0.plus(Duration.ofMinutes(30))));
        revoked.apply(revocation("early", T0.plus(Duration.ofMinutes(1))));

        clock.now = T0.plus(Duration.ofMinutes(10));
        revoked.pruneExpired();

        assertThat(revoked.isRevoked("early")).isFalse();
        assertThat(revoked.isRevoked("late")).isTrue();
    }

    @Test
    void replayedOldRevocationIsNotKeptAndDuplicatesChangeNothing() {
        clock.now = T0.plus(Duration.ofHours(2));
        assertThat(revoked.apply(revocation("old", T0))).isFalse();
        assertThat(revoked.isRevoked("old")).isFalse();

        Instant exp = clock.now.plus(Duration.ofMinutes(15));
        assertThat(revoked.apply(revocation("j2", exp))).isTrue();
        assertThat(revoked.apply(revocation("j2", exp))).isFalse();
        assertThat(revoked.size()).isEqualTo(1);
    }
}
