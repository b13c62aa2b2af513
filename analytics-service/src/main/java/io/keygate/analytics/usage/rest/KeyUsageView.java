package io.keygate.analytics.usage.rest;

import io.keygate.analytics.usage.KeyMinuteUsage;
import io.keygate.analytics.usage.KeyUsageReport;
import io.keygate.analytics.usage.LimitUsage;
import java.time.Instant;
import java.util.List;

/**
 * Usage of one key as the API shows it.
 *
 * @param tenantId    the tenant
 * @param keyId       the key
 * @param from        start of the window, inclusive
 * @param to          end of the window, exclusive
 * @param totalCalls  calls in the window's minutes
 * @param totalErrors calls answered with a status of 400 or more
 * @param minutes     minutes with at least one call, oldest first (the first may start before {@code from})
 * @param rateLimit   the window's calls against the key's rate limit; null when it has none or is unknown here
 * @param quota       the calls of the quota's current period against it; null when the key has none or is unknown
 */
public record KeyUsageView(
        String tenantId,
        String keyId,
        Instant from,
        Instant to,
        long totalCalls,
        long totalErrors,
        List<Minute> minutes,
        LimitUsage.RateLimitUsage rateLimit,
        LimitUsage.QuotaUsage quota) {

    /**
     * One minute of a key.
     *
     * @param minute   start of the minute, UTC
     * @param calls    requests
     * @param errors   requests answered with a status of 400 or more
     * @param bytesIn  request body bytes
     * @param bytesOut response body bytes
     */
    public record Minute(Instant minute, long calls, long errors, long bytesIn, long bytesOut) {

        static Minute of(KeyMinuteUsage usage) {
            return new Minute(usage.minute(), usage.calls(), usage.errors(), usage.bytesIn(), usage.bytesOut());
        }
    }

    static KeyUsageView of(KeyUsageReport report, LimitUsage.RateLimitUsage rateLimit, LimitUsage.QuotaUsage quota) {
        return new KeyUsageView(
                report.tenantId(),
                report.keyId(),
                report.window().from(),
                report.window().to(),
                report.totalCalls(),
                report.totalErrors(),
                report.minutes().stream().map(Minute::of).toList(),
                rateLimit,
                quota);
    }
}
