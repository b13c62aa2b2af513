package io.keygate.policy.tokenpolicy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Command: set a tenant's token policy in full (a PUT: what is left out is off).
 *
 * @param tenantId              the tenant
 * @param maxKeyLifetime        longest time to a key's {@code expiresAt}, or null for no limit
 * @param expiryRequired        whether every key needs an {@code expiresAt}
 * @param maxKeyAge             longest a key's secret may live before it must be rotated, or null
 * @param rotationWarningDays   days before {@code maxKeyAge} that the rotation-due warning is sent (0..90)
 * @param forceExpiryWhenTooOld whether keys whose secret reached {@code maxKeyAge} are expired
 * @param allowedCidrs          networks every key's IP allow-list must lie within; empty: no restriction
 * @param at                    when
 */
public record SetTokenPolicy(
        String tenantId,
        Duration maxKeyLifetime,
        boolean expiryRequired,
        Duration maxKeyAge,
        int rotationWarningDays,
        boolean forceExpiryWhenTooOld,
        List<String> allowedCidrs,
        Instant at) {

    public SetTokenPolicy {
        allowedCidrs = allowedCidrs == null ? List.of() : List.copyOf(allowedCidrs);
    }
}
