package io.keygate.policy.plan.rest;

import io.keygate.events.policy.PlanQuota;
import io.keygate.events.policy.PlanRateLimit;
import io.keygate.events.policy.PlanRateLimitMode;
import io.keygate.events.token.QuotaRefill;
import io.keygate.events.token.RateLimitPeriod;
import io.keygate.policy.plan.PlanAttributes;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST} and {@code PUT /tenants/{tenantId}/apis/{apiId}/plans[/{planId}]}: the whole plan.
 *
 * @param name        human name
 * @param description free text
 * @param rateLimit   requests per second, minute or hour, plus burst; absent for none
 * @param quota       requests per UTC day or month; absent for none
 * @param rateLimitMode where gateways count the limits: {@code LOCAL} (each gateway alone), {@code CLUSTER} (exactly,
 *                      in the shared Redis) or {@code HYBRID} (batches leased from Redis); absent for each gateway's
 *                      configured mode
 */
public record PlanRequest(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 1000) String description,
        @Valid RateLimitRequest rateLimit,
        @Valid QuotaRequest quota,

        @Pattern(regexp = "LOCAL|CLUSTER|HYBRID")
        @Schema(
                enumeration = {"LOCAL", "CLUSTER", "HYBRID"},
                description = "Where gateways count the rate limit and quota: LOCAL (each gateway alone),"
                        + " CLUSTER (exactly, in the shared Redis) or HYBRID (batches leased from Redis)."
                        + " Absent: each gateway's configured mode.")
        String rateLimitMode) {

    /** A token bucket: {@code requests} per {@code per}, holding {@code burst} more for bursts. */
    public record RateLimitRequest(
            @NotNull @Min(1) @Max(1_000_000_000L) Long requests,
            @NotNull @Pattern(regexp = "SECOND|MINUTE|HOUR") String per,
            @Min(0) Long burst) {}

    /** At most {@code requests} per calendar {@code per} (UTC). */
    public record QuotaRequest(
            @NotNull @Min(1) @Max(1_000_000_000_000L) Long requests,
            @NotNull @Pattern(regexp = "DAY|MONTH") String per) {}

    PlanAttributes toAttributes() {
        return new PlanAttributes(
                name,
                description,
                rateLimit == null
                        ? null
                        : new PlanRateLimit(
                                rateLimit.requests(),
                                RateLimitPeriod.valueOf(rateLimit.per()),
                                rateLimit.burst() == null ? 0 : rateLimit.burst()),
                quota == null ? null : new PlanQuota(quota.requests(), QuotaRefill.valueOf(quota.per())),
                rateLimitMode == null ? null : PlanRateLimitMode.valueOf(rateLimitMode));
    }
}
