package io.keygate.analytics.report.rest;

import io.keygate.analytics.report.UsagePoint;
import java.time.Instant;
import java.util.List;

/**
 * A usage time series as the API shows it.
 *
 * @param tenantId    the tenant
 * @param applicationId the application it is narrowed to, or null
 * @param keyId       the key it is narrowed to, or null
 * @param routeId     the route it is narrowed to, or null
 * @param granularity minute, hour or day
 * @param from        start of the window, inclusive
 * @param to          end of the window, exclusive
 * @param total       all the buckets together (percentiles of every call, not averaged)
 * @param points      buckets with calls, oldest first (the first may start before {@code from})
 */
public record SeriesView(
        String tenantId,
        String applicationId,
        String keyId,
        String routeId,
        String granularity,
        Instant from,
        Instant to,
        UsagePoint total,
        List<UsagePoint> points) {}
