package io.keygate.events.policy;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A tenant's token policy in full: the rules every API key of the tenant must follow. The token-service
 * refuses keys that break it and brings existing keys into line by events when it tightens.
 *
 * @param tenantId              the tenant (one policy each)
 * @param maxKeyLifetime        longest time from issue (or from a change of expiry) to {@code expiresAt}, or null
 * @param expiryRequired        whether every key must have an {@code expiresAt}
 * @param maxKeyAge             longest a key's current secret may live before it must be rotated, or null
 * @param rotationWarningDays   how many days before {@code maxKeyAge} a rotation-due warning is sent (0..90)
 * @param forceExpiryWhenTooOld whether a key whose secret reached {@code maxKeyAge} is expired
 * @param allowedCidrs          networks every key's IP allow-list must lie within (canonical CIDRs); empty: any
 * @param version               the policy aggregate's version after the event, 1 for the first
 * @param updatedAt             when this policy was set
 */
public record TokenPolicyState(
        String tenantId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Duration maxKeyLifetime,
        boolean expiryRequired,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Duration maxKeyAge,
        int rotationWarningDays,
        boolean forceExpiryWhenTooOld,
        List<String> allowedCidrs,
        long version,
        Instant updatedAt) {

    /** The prefix of token-policy aggregate ids: {@code tp_} + tenant id. */
    public static final String AGGREGATE_ID_PREFIX = "tp_";

    public TokenPolicyState {
        Objects.requireNonNull(tenantId, "tenantId");
        allowedCidrs = allowedCidrs == null ? List.of() : List.copyOf(allowedCidrs);
    }

    /** The aggregate id (and Kafka key) of a tenant's policy. */
    public static String aggregateIdOf(String tenantId) {
        return AGGREGATE_ID_PREFIX + tenantId;
    }
}
