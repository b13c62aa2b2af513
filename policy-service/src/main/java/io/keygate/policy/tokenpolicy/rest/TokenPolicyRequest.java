package io.keygate.policy.tokenpolicy.rest;

import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;

/**
 * Body of {@code PUT /tenants/{t}/token-policy}: the whole policy; a field left out is off.
 *
 * @param maxKeyLifetime        ISO-8601 duration ({@code P90D}), or absent for no limit
 * @param expiryRequired        every key must have an {@code expiresAt} (default false)
 * @param maxKeyAge             ISO-8601 duration a key's secret may live before rotation, or absent
 * @param rotationWarningDays   0..90 days before {@code maxKeyAge} to warn (default 0: at {@code maxKeyAge})
 * @param forceExpiryWhenTooOld expire keys whose secret reached {@code maxKeyAge} (default false)
 * @param allowedCidrs          networks every key's IP allow-list must lie within (at most 100)
 */
public record TokenPolicyRequest(
        Duration maxKeyLifetime,
        Boolean expiryRequired,
        Duration maxKeyAge,
        Integer rotationWarningDays,
        Boolean forceExpiryWhenTooOld,
        @Size(max = 100) List<@Size(max = 64) String> allowedCidrs) {}
