package io.keygate.gateway.ratelimit;

import io.keygate.events.token.QuotaRefill;
import io.keygate.events.token.RateLimitPeriod;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * One limit a call is held to, in the form every limiter evaluates it: a rate limit as a GCRA bucket (the
 * token bucket's exact, one-number form), or a quota as a counter over a calendar window (UTC).
 *
 * @param policy          name of the policy in the {@code RateLimit-Policy} and {@code RateLimit} headers
 * @param bucket          identity of the bucket or counter, shared by every call held to the same limit
 * @param kind            rate limit or quota
 * @param quota           units per window: the rate limit's requests per period, or the quota's limit
 * @param windowSeconds   the window the quota applies to (for a rate limit its period); 0 for a lifetime quota
 * @param intervalMicros  rate limits: time one request's token takes to refill (the GCRA emission interval)
 * @param toleranceMicros rate limits: how far ahead of schedule the bucket may run (capacity - 1 intervals)
 * @param windowEndMicros quotas: end of the current window (µs since the epoch, exclusive); 0 for a lifetime quota
 * @param mode            where it is counted, or null for the gateway's configured mode
 */
public record Limit(
        String policy,
        String bucket,
        LimitKind kind,
        long quota,
        long windowSeconds,
        long intervalMicros,
        long toleranceMicros,
        long windowEndMicros,
        RateLimitMode mode) {

    private static final long MICROS = 1_000_000L;

    public Limit {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * A rate limit of {@code requests} per {@code period} whose bucket holds {@code capacity} requests: a caller idle
     * for a while may send {@code capacity} at once, then one per {@code period / requests}.
     */
    public static Limit rate(String policy, String bucket, long requests, RateLimitPeriod period, long capacity) {
        long periodSeconds = seconds(period);
        // At most one request per microsecond per bucket: 1,000,000/s is the finest rate the limiters keep apart.
        long interval = Math.max(1, periodSeconds * MICROS / requests);
        return new Limit(
                policy,
                bucket,
                LimitKind.RATE,
                requests,
                periodSeconds,
                interval,
                Math.max(0, capacity - 1) * interval,
                0,
                null);
    }

    /**
     * A quota of {@code limit} requests per calendar day or month (UTC) containing {@code nowMicros}, or over the
     * credential's whole life when {@code refill} is null. The bucket names the window, so a new window starts a new
     * count.
     */
    public static Limit quota(String policy, String bucket, long limit, QuotaRefill refill, long nowMicros) {
        if (refill == null) {
            return new Limit(policy, bucket, LimitKind.QUOTA, limit, 0, 0, 0, 0, null);
        }
        LocalDate today = LocalDate.ofEpochDay(Math.floorDiv(nowMicros, 86_400L * MICROS));
        LocalDate start = refill == QuotaRefill.DAY ? today : today.withDayOfMonth(1);
        LocalDate end = refill == QuotaRefill.DAY ? start.plusDays(1) : start.plusMonths(1);
        long startSecond = start.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        long endSecond = end.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        return new Limit(
                policy,
                bucket + ':' + start,
                LimitKind.QUOTA,
                limit,
                endSecond - startSecond,
                0,
                0,
                endSecond * MICROS,
                null);
    }

    /** This limit counted in {@code mode} (null: the gateway's configured mode). */
    public Limit countedIn(RateLimitMode mode) {
        return mode == this.mode
                ? this
                : new Limit(
                        policy,
                        bucket,
                        kind,
                        quota,
                        windowSeconds,
                        intervalMicros,
                        toleranceMicros,
                        windowEndMicros,
                        mode);
    }

    /** Where this limit is counted, given the gateway's configured mode. */
    public RateLimitMode modeOr(RateLimitMode configured) {
        return mode == null ? configured : mode;
    }

    static long seconds(RateLimitPeriod period) {
        return switch (period) {
            case SECOND -> 1;
            case MINUTE -> 60;
            case HOUR -> 3600;
        };
    }
}
