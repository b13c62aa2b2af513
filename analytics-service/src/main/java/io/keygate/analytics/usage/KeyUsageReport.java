package io.keygate.analytics.usage;

import java.util.List;

/**
 * Usage of one key over a window: totals and the minutes with calls, oldest first.
 *
 * @param tenantId    the tenant
 * @param keyId       the key
 * @param window      the window asked for
 * @param totalCalls  calls in the window's minutes
 * @param totalErrors error calls in the window's minutes
 * @param minutes     the minutes with at least one call
 */
public record KeyUsageReport(
        String tenantId,
        String keyId,
        UsageWindow window,
        long totalCalls,
        long totalErrors,
        List<KeyMinuteUsage> minutes) {

    public KeyUsageReport {
        minutes = List.copyOf(minutes);
    }

    /** The report of these minutes, with their totals. */
    public static KeyUsageReport of(String tenantId, String keyId, UsageWindow window, List<KeyMinuteUsage> minutes) {
        long calls = minutes.stream().mapToLong(KeyMinuteUsage::calls).sum();
        long errors = minutes.stream().mapToLong(KeyMinuteUsage::errors).sum();
        return new KeyUsageReport(tenantId, keyId, window, calls, errors, minutes);
    }
}
