package io.keygate.analytics.usage.rest;

import io.keygate.analytics.config.AnalyticsConfig;
import io.keygate.analytics.keylimit.KeyLimit;
import io.keygate.analytics.keylimit.store.KeyLimitStore;
import io.keygate.analytics.usage.InvalidParameterException;
import io.keygate.analytics.usage.KeyUsageReport;
import io.keygate.analytics.usage.LimitUsage;
import io.keygate.analytics.usage.UsageWindow;
import io.keygate.analytics.usage.store.UsageStore;
import io.keygate.events.token.Quota;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Usage reports of API keys, from the gateway's call records. */
@Path("/reports/keys/{keyId}/usage")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Usage reports")
public class KeyUsageResource {

    private static final int MAX_ID_LENGTH = 256;

    private final UsageStore store;
    private final KeyLimitStore limits;
    private final AnalyticsConfig config;
    private final Clock clock = Clock.systemUTC();

    KeyUsageResource(UsageStore store, KeyLimitStore limits, AnalyticsConfig config) {
        this.store = store;
        this.limits = limits;
        this.config = config;
    }

    @GET
    @Operation(
            summary = "Calls of a key per minute, against its rate limit and quota",
            description = "Minutes whose bucket overlaps [from, to); only minutes with calls are listed. Errors are "
                    + "calls answered with a status of 400 or more. rateLimit compares the window's calls with the "
                    + "key's rate limit per minute (per hour for an hourly limit; a per-second limit times 60 per "
                    + "minute); quota compares the calls of the quota's current period (today or this month, UTC, or "
                    + "since issue without refill) with it. Both count every call recorded for the key, refusals "
                    + "included, and are null when the key has no such limit.")
    public Uni<KeyUsageView> usage(
            @PathParam("keyId") String keyId,
            @Parameter(description = "The key's tenant", required = true) @QueryParam("tenantId") String tenantId,
            @Parameter(description = "Start, ISO-8601 instant; default: an hour before to") @QueryParam("from")
                    String from,
            @Parameter(description = "End (exclusive), ISO-8601 instant; default: now") @QueryParam("to") String to) {
        String key = identifier("keyId", keyId);
        String tenant = identifier("tenantId", tenantId);
        UsageWindow window = UsageWindow.parse(
                from,
                to,
                clock.instant(),
                config.reports().defaultRange(),
                config.reports().maxRange());
        Instant now = clock.instant();
        return store.minutes(tenant, key, window)
                .chain(minutes -> limits.find(tenant, key).chain(limit -> {
                    KeyUsageReport report = KeyUsageReport.of(tenant, key, window, minutes);
                    LimitUsage.RateLimitUsage rate = limit.map(KeyLimit::rateLimit)
                            .map(rateLimit -> LimitUsage.rate(rateLimit, minutes))
                            .orElse(null);
                    if (limit.isEmpty() || limit.get().quota() == null) {
                        return Uni.createFrom().item(KeyUsageView.of(report, rate, null));
                    }
                    Quota quota = limit.get().quota();
                    Instant periodStart =
                            LimitUsage.periodStart(quota, limit.get().createdAt(), now);
                    return store.calls(tenant, key, periodStart, now)
                            .map(calls -> KeyUsageView.of(report, rate, LimitUsage.quota(quota, periodStart, calls)));
                }));
    }

    private static String identifier(String name, String value) {
        if (value == null || value.isBlank() || value.length() > MAX_ID_LENGTH) {
            throw new InvalidParameterException(name, "is required: 1 to " + MAX_ID_LENGTH + " characters, not blank");
        }
        return value;
    }
}
