package io.keygate.events.policy;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A tenant's alert policy: what a critical analytics alert may do on its own. Without one, alerts only inform.
 *
 * @param tenantId   the tenant (one policy each)
 * @param revokeKeys whether a critical alert suggesting it revokes its key (token-service, the alert as cause)
 * @param blockIps   whether a critical alert suggesting it denies its client address (policy-service IP rule, the
 *                   alert as cause)
 * @param blockFor   how long such a deny rule lasts (PT1M..P30D)
 * @param version    the policy aggregate's version after the event, 1 for the first
 * @param updatedAt  when this policy was set
 */
public record AlertPolicyState(
        String tenantId,
        boolean revokeKeys,
        boolean blockIps,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Duration blockFor,
        long version,
        Instant updatedAt) {

    /** The prefix of alert-policy aggregate ids: {@code ap_} + tenant id. */
    public static final String AGGREGATE_ID_PREFIX = "ap_";

    public AlertPolicyState {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(blockFor, "blockFor");
    }

    /** The aggregate id (and Kafka key) of a tenant's alert policy. */
    public static String aggregateIdOf(String tenantId) {
        return AGGREGATE_ID_PREFIX + tenantId;
    }
}
