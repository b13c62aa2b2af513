package io.keygate.token.identity.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginBackoffTest {

    private final LoginBackoff backoff = new LoginBackoff(5, Duration.ofSeconds(30), Duration.ofHours(1));

    @Test
    void noLockBelowTheThresholdThenTheBaseDoublingUpToTheMaximum() {
        assertThat(backoff.lockAfter(1)).isZero();
        assertThat(backoff.lockAfter(4)).isZero();
        assertThat(backoff.lockAfter(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.lockAfter(6)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.lockAfter(7)).isEqualTo(Duration.ofMinutes(2));
        assertThat(backoff.lockAfter(11)).isEqualTo(Duration.ofMinutes(32));
        assertThat(backoff.lockAfter(12)).isEqualTo(Duration.ofHours(1));
        assertThat(backoff.lockAfter(1_000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void retryAfterIsTheRemainingLockRoundedUpToSeconds() {
        Instant now = Instant.parse("2026-12-06T10:00:00Z");

        assertThat(LoginThrottle.remaining(now.plusMillis(29_001), now)).isEqualTo(Duration.ofSeconds(30));
        assertThat(LoginThrottle.remaining(now.plusSeconds(30), now)).isEqualTo(Duration.ofSeconds(30));
        assertThat(LoginThrottle.remaining(now, now)).isNull();
        assertThat(LoginThrottle.remaining(null, now)).isNull();
    }
}
