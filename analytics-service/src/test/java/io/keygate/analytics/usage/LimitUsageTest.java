package io.keygate.analytics.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.events.token.Quota;
import io.keygate.events.token.QuotaRefill;
import io.keygate.events.token.RateLimit;
import io.keygate.events.token.RateLimitPeriod;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LimitUsageTest {

    private static final Instant M0 = Instant.parse("2026-12-06T10:58:00Z");

    @Test
    void aPerMinuteLimitIsComparedMinuteByMinute() {
        var usage = LimitUsage.rate(
                new RateLimit(10, RateLimitPeriod.MINUTE), List.of(minute(0, 4), minute(1, 10), minute(2, 12)));

        assertThat(usage.comparedPer()).isEqualTo(RateLimitPeriod.MINUTE);
        assertThat(usage.allowance()).isEqualTo(10);
        assertThat(usage.peakCalls()).isEqualTo(12);
        assertThat(usage.peakAt()).isEqualTo(M0.plusSeconds(120));
        assertThat(usage.peakUtilisation()).isEqualTo(1.2);
        assertThat(usage.periodsAtLimit()).isEqualTo(2);
    }

    @Test
    void aPerSecondLimitIsComparedPerMinuteWithSixtyTimesItsAllowance() {
        var usage = LimitUsage.rate(new RateLimit(2, RateLimitPeriod.SECOND), List.of(minute(0, 60), minute(1, 120)));

        assertThat(usage.comparedPer()).isEqualTo(RateLimitPeriod.MINUTE);
        assertThat(usage.allowance()).isEqualTo(120);
        assertThat(usage.peakUtilisation()).isEqualTo(1.0);
        assertThat(usage.periodsAtLimit()).isEqualTo(1);
    }

    @Test
    void aPerHourLimitSumsTheMinutesOfEachHour() {
        // 10:58, 10:59 in one hour; 11:00, 11:01 in the next.
        var usage = LimitUsage.rate(
                new RateLimit(100, RateLimitPeriod.HOUR),
                List.of(minute(0, 30), minute(1, 30), minute(2, 50), minute(3, 60)));

        assertThat(usage.comparedPer()).isEqualTo(RateLimitPeriod.HOUR);
        assertThat(usage.peakCalls()).isEqualTo(110);
        assertThat(usage.peakAt()).isEqualTo(Instant.parse("2026-12-06T11:00:00Z"));
        assertThat(usage.periodsAtLimit()).isEqualTo(1);
    }

    @Test
    void noCallsIsNoPeak() {
        var usage = LimitUsage.rate(new RateLimit(5, RateLimitPeriod.MINUTE), List.of());

        assertThat(usage.peakCalls()).isZero();
        assertThat(usage.peakAt()).isNull();
        assertThat(usage.periodsAtLimit()).isZero();
    }

    @Test
    void aQuotasPeriodStartsTodayThisMonthOrAtIssue() {
        Instant now = Instant.parse("2026-12-06T10:58:30Z");
        Instant issued = Instant.parse("2026-11-20T08:00:00Z");

        assertThat(LimitUsage.periodStart(new Quota(100, QuotaRefill.DAY), issued, now))
                .isEqualTo(Instant.parse("2026-12-06T00:00:00Z"));
        assertThat(LimitUsage.periodStart(new Quota(100, QuotaRefill.MONTH), issued, now))
                .isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(LimitUsage.periodStart(new Quota(100, null), issued, now)).isEqualTo(issued);
        Instant issuedToday = Instant.parse("2026-12-06T09:00:00Z");
        assertThat(LimitUsage.periodStart(new Quota(100, QuotaRefill.MONTH), issuedToday, now))
                .isEqualTo(issuedToday);
    }

    @Test
    void aQuotasUtilisationIsItsCallsOverItsLimit() {
        var usage = LimitUsage.quota(new Quota(200, QuotaRefill.DAY), M0, 50);

        assertThat(usage.callsInPeriod()).isEqualTo(50);
        assertThat(usage.utilisation()).isEqualTo(0.25);
    }

    private static KeyMinuteUsage minute(int offset, long calls) {
        return new KeyMinuteUsage("t", "k", M0.plusSeconds(60L * offset), calls, 0, 0, 0);
    }
}
