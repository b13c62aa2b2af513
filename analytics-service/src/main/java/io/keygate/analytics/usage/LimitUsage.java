package io.keygate.analytics.usage;

import io.keygate.events.token.Quota;
import io.keygate.events.token.RateLimit;
import io.keygate.events.token.RateLimitPeriod;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A key's calls set against its rate limit and quota. Calls are those the gateway recorded for the key, whatever it
 * answered (refusals included): the gateway's own counters decide; this shows how close a consumer runs to them.
 */
public final class LimitUsage {

    private LimitUsage() {}

    /**
     * How the window's calls compare with a rate limit, period by period. Rollups are per minute, so a per-second
     * limit is compared per minute with sixty times its allowance (a minute under it may still have had a refused
     * second); a per-hour limit is compared per hour of the window.
     *
     * @param comparedPer      the period calls are summed over: MINUTE or HOUR
     * @param allowance        calls the limit allows per compared period
     * @param peakCalls        calls of the busiest compared period (0 when there were none)
     * @param peakAt           start of that period, or null
     * @param peakUtilisation  peakCalls / allowance
     * @param periodsAtLimit   compared periods whose calls reached the allowance
     */
    public record RateLimitUsage(
            RateLimit limit,
            RateLimitPeriod comparedPer,
            long allowance,
            long peakCalls,
            Instant peakAt,
            double peakUtilisation,
            int periodsAtLimit) {}

    /**
     * How the calls of the quota's current period compare with the quota.
     *
     * @param periodStart  start of the current period: today or this month (UTC) for a refilled quota, the key's
     *                     issue time for one without refill
     * @param callsInPeriod calls from periodStart to now
     * @param utilisation   callsInPeriod / limit
     */
    public record QuotaUsage(Quota quota, Instant periodStart, long callsInPeriod, double utilisation) {}

    /** The window's minutes compared with {@code limit}. */
    public static RateLimitUsage rate(RateLimit limit, List<KeyMinuteUsage> minutes) {
        RateLimitPeriod comparedPer =
                limit.per() == RateLimitPeriod.HOUR ? RateLimitPeriod.HOUR : RateLimitPeriod.MINUTE;
        long allowance =
                limit.per() == RateLimitPeriod.SECOND ? Math.multiplyExact(limit.requests(), 60) : limit.requests();
        Map<Instant, Long> perPeriod = new TreeMap<>();
        for (KeyMinuteUsage minute : minutes) {
            Instant period = comparedPer == RateLimitPeriod.HOUR
                    ? minute.minute().truncatedTo(ChronoUnit.HOURS)
                    : minute.minute();
            perPeriod.merge(period, minute.calls(), Long::sum);
        }
        long peak = 0;
        Instant peakAt = null;
        int atLimit = 0;
        for (Map.Entry<Instant, Long> period : perPeriod.entrySet()) {
            if (period.getValue() > peak) {
                peak = period.getValue();
                peakAt = period.getKey();
            }
            if (period.getValue() >= allowance) {
                atLimit++;
            }
        }
        return new RateLimitUsage(limit, comparedPer, allowance, peak, peakAt, (double) peak / allowance, atLimit);
    }

    /** Start of the quota's current period at {@code now}, for a key issued at {@code createdAt}. */
    public static Instant periodStart(Quota quota, Instant createdAt, Instant now) {
        if (quota.refill() == null) {
            return createdAt;
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate first = switch (quota.refill()) {
            case DAY -> today;
            case MONTH -> today.withDayOfMonth(1);
        };
        Instant start = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        return start.isBefore(createdAt) ? createdAt : start;
    }

    /** The quota with the calls of its current period. */
    public static QuotaUsage quota(Quota quota, Instant periodStart, long callsInPeriod) {
        return new QuotaUsage(quota, periodStart, callsInPeriod, (double) callsInPeriod / quota.limit());
    }
}
