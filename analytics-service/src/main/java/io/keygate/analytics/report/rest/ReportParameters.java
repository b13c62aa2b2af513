package io.keygate.analytics.report.rest;

import io.keygate.analytics.config.AnalyticsConfig;
import io.keygate.analytics.report.ConsumerDimension;
import io.keygate.analytics.report.ReportQuery;
import io.keygate.analytics.rollup.Granularity;
import io.keygate.analytics.usage.InvalidParameterException;
import io.keygate.analytics.usage.UsageWindow;
import java.time.Instant;

/** Parses and checks report parameters; each failure names its parameter (400 problem JSON). */
public final class ReportParameters {

    static final int MAX_ID_LENGTH = 256;
    static final int MAX_LIMIT = 100;

    private ReportParameters() {}

    public static ReportQuery query(
            AnalyticsConfig config,
            Instant now,
            String tenantId,
            String applicationId,
            String keyId,
            String routeId,
            String granularity,
            String from,
            String to) {
        String tenant = required("tenantId", tenantId);
        String application = optional("applicationId", applicationId);
        String key = optional("keyId", keyId);
        String route = optional("routeId", routeId);
        Granularity size = granularity(granularity);
        UsageWindow window = UsageWindow.parse(
                from, to, now, config.reports().defaultRange(), config.reports().maxRange());
        return new ReportQuery(tenant, application, key, route, size, window);
    }

    public static String required(String name, String value) {
        if (value == null || value.isBlank() || value.length() > MAX_ID_LENGTH) {
            throw new InvalidParameterException(name, "is required: 1 to " + MAX_ID_LENGTH + " characters, not blank");
        }
        return value;
    }

    static String optional(String name, String value) {
        return value == null ? null : required(name, value);
    }

    static Granularity granularity(String value) {
        if (value == null) {
            return Granularity.MINUTE;
        }
        try {
            return Granularity.parse(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("granularity", "must be minute, hour or day");
        }
    }

    static ConsumerDimension dimension(String value) {
        if (value == null) {
            return ConsumerDimension.KEY;
        }
        try {
            return ConsumerDimension.parse(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("by", "must be key, route or application");
        }
    }

    public static int limit(String value) {
        if (value == null) {
            return 10;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidParameterException("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }
}
