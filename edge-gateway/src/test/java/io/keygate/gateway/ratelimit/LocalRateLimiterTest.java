package io.keygate.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.events.token.QuotaRefill;
import io.keygate.events.token.RateLimitPeriod;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalRateLimiterTest {

    private static final long SECOND = 1_000_000L;
    private static final long T0 = RateLimiting.micros(Instant.parse("2026-11-29T10:00:00Z"));

    private final LocalRateLimiter limiter = new LocalRateLimiter();

    @Test
    void anIdleBucketAdmitsItsCapacityAtOnceThenOneRequestPerInterval() {
        Limit tenPerMinute = Limit.rate("key", "k:a", 10, RateLimitPeriod.MINUTE, 10);
        for (int i = 0; i < 10; i++) {
            LimitDecision decision = limiter.decide(List.of(tenPerMinute), T0);
            assertThat(decision.admitted()).as("request %d", i + 1).isTrue();
            assertThat(decision.remaining()[0]).isEqualTo(9 - i);
        }
        LimitDecision refused = limiter.decide(List.of(tenPerMinute), T0);
        assertThat(refused.admitted()).isFalse();
        assertThat(refused.refusedBy()).isEqualTo(tenPerMinute);
        assertThat(refused.retryAfterMicros()).isEqualTo(6 * SECOND);
        assertThat(refused.resetMicros()[0]).isEqualTo(60 * SECOND);

        assertThat(limiter.decide(List.of(tenPerMinute), T0 + 6 * SECOND - 1).admitted())
                .isFalse();
        assertThat(limiter.decide(List.of(tenPerMinute), T0 + 6 * SECOND).admitted())
                .isTrue();
        assertThat(limiter.decide(List.of(tenPerMinute), T0 + 6 * SECOND).admitted())
                .isFalse();
    }

    @Test
    void overAnyLongSpanABusyCallerGetsTheRatePlusTheBucket() {
        Limit hundredPerSecond = Limit.rate("key", "k:busy", 100, RateLimitPeriod.SECOND, 100);
        int admitted = 0;
        // 1,000 attempts per second for 10 s.
        for (long t = 0; t < 10 * SECOND; t += 1_000) {
            if (limiter.decide(List.of(hundredPerSecond), T0 + t).admitted()) {
                admitted++;
            }
        }
        assertThat(admitted).isEqualTo(100 + 10 * 100 - 1);
    }

    @Test
    void aRefusalByOneLimitChargesNoneOfTheOthers() {
        Limit generous = Limit.rate("key", "k:b", 100, RateLimitPeriod.SECOND, 100);
        Limit tight = Limit.quota("plan-quota", "pq:b", 2, QuotaRefill.DAY, T0);
        assertThat(limiter.decide(List.of(generous, tight), T0).admitted()).isTrue();
        assertThat(limiter.decide(List.of(generous, tight), T0).admitted()).isTrue();
        for (int i = 0; i < 5; i++) {
            LimitDecision refused = limiter.decide(List.of(generous, tight), T0);
            assertThat(refused.admitted()).isFalse();
            assertThat(refused.refusedBy()).isEqualTo(tight);
        }
        assertThat(limiter.decide(List.of(generous), T0).remaining()[0]).isEqualTo(100 - 3);
    }

    @Test
    void aDailyQuotaRefillsAtMidnightUtcAndSaysWhenInRetryAfter() {
        Limit before = Limit.quota("key-quota", "kq:c", 3, QuotaRefill.DAY, T0);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.decide(List.of(before), T0).admitted()).isTrue();
        }
        LimitDecision refused = limiter.decide(List.of(before), T0);
        assertThat(refused.admitted()).isFalse();
        assertThat(refused.retryAfterMicros()).isEqualTo(14 * 3600 * SECOND);

        long nextDay = RateLimiting.micros(Instant.parse("2026-11-30T00:00:00Z"));
        Limit after = Limit.quota("key-quota", "kq:c", 3, QuotaRefill.DAY, nextDay);
        assertThat(limiter.decide(List.of(after), nextDay).admitted()).isTrue();
    }

    @Test
    void aLifetimeQuotaNeverRefillsAndGivesNoRetryAfter() {
        Limit uses = Limit.quota("key-quota", "kq:d", 1, null, T0);
        assertThat(limiter.decide(List.of(uses), T0).admitted()).isTrue();
        LimitDecision refused = limiter.decide(List.of(uses), T0 + 400L * 86_400 * SECOND);
        assertThat(refused.admitted()).isFalse();
        assertThat(refused.retryAfterMicros()).isZero();
    }

    @Test
    void sweepingForgetsOnlyBucketsThatAreFullAgainAndEndedWindows() {
        limiter.decide(List.of(Limit.rate("key", "k:e", 1, RateLimitPeriod.SECOND, 1)), T0);
        limiter.decide(List.of(Limit.quota("key-quota", "kq:e", 5, QuotaRefill.DAY, T0)), T0);
        limiter.decide(List.of(Limit.quota("key-quota", "kq:f", 5, null, T0)), T0);
        assertThat(limiter.size()).isEqualTo(3);

        limiter.sweep(T0 + SECOND / 2);
        assertThat(limiter.size()).isEqualTo(3);
        limiter.sweep(T0 + SECOND);
        assertThat(limiter.size()).isEqualTo(2);
        limiter.sweep(RateLimiting.micros(Instant.parse("2026-11-30T00:00:00Z")));
        assertThat(limiter.size()).as("the lifetime quota is kept").isEqualTo(1);
    }

    @Test
    void monthlyWindowsFollowTheCalendar() {
        long lastDayOfFebruary = RateLimiting.micros(Instant.parse("2028-02-29T23:59:59Z"));
        Limit february = Limit.quota("plan-quota", "pq:g", 10, QuotaRefill.MONTH, lastDayOfFebruary);
        assertThat(february.bucket()).isEqualTo("pq:g:2028-02-01");
        assertThat(february.windowSeconds()).isEqualTo(29L * 86_400);
        assertThat(february.windowEndMicros()).isEqualTo(RateLimiting.micros(Instant.parse("2028-03-01T00:00:00Z")));
    }
}
