package io.keygate.policy.alertpolicy;

import io.keygate.events.policy.AlertPolicyEvent;
import io.keygate.events.policy.AlertPolicySet;
import io.keygate.events.policy.AlertPolicyState;
import io.keygate.eventstore.Decider;
import io.keygate.policy.tokenpolicy.TokenPolicyRejectedException;
import io.keygate.policy.tokenpolicy.TokenPolicyRejection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The alert-policy aggregate (one per tenant, id {@code ap_<tenantId>}) as two pure functions: what a critical
 * analytics alert may do on its own. Every set publishes the whole policy with the next version.
 */
public final class AlertPolicy {

    /** The aggregate type of alert policies in the event store. */
    public static final String AGGREGATE_TYPE = "alert-policy";

    /** The rules below as the event store runs them. */
    public static final Decider<SetAlertPolicy, AlertPolicyState, AlertPolicyEvent> DECIDER =
            Decider.of(AGGREGATE_TYPE, AlertPolicy::decide, AlertPolicy::evolve);

    /** Shortest and longest time an automatic deny rule may last. */
    public static final Duration MIN_BLOCK = Duration.ofMinutes(1);

    public static final Duration MAX_BLOCK = Duration.ofDays(30);

    /** Used when a set names no duration. */
    public static final Duration DEFAULT_BLOCK = Duration.ofHours(24);

    /**
     * Set a tenant's alert policy in full.
     *
     * @param blockFor null for {@link #DEFAULT_BLOCK}
     */
    public record SetAlertPolicy(
            String tenantId, boolean revokeKeys, boolean blockIps, Duration blockFor, Instant at) {}

    private AlertPolicy() {}

    /** The event a set produces; none when the policy would not change. */
    public static List<AlertPolicyEvent> decide(SetAlertPolicy set, AlertPolicyState state) {
        Duration blockFor = set.blockFor() == null ? DEFAULT_BLOCK : set.blockFor();
        if (blockFor.compareTo(MIN_BLOCK) < 0 || blockFor.compareTo(MAX_BLOCK) > 0) {
            throw new TokenPolicyRejectedException(
                    new TokenPolicyRejection.InvalidField(400, "blockFor", "must be between PT1M and P30D"));
        }
        if (state != null
                && state.revokeKeys() == set.revokeKeys()
                && state.blockIps() == set.blockIps()
                && state.blockFor().equals(blockFor)) {
            return List.of();
        }
        long version = state == null ? 1 : state.version() + 1;
        return List.of(new AlertPolicySet(
                new AlertPolicyState(set.tenantId(), set.revokeKeys(), set.blockIps(), blockFor, version, set.at())));
    }

    /** The state after an event. */
    public static AlertPolicyState evolve(AlertPolicyState state, AlertPolicyEvent event) {
        return event.policy();
    }
}
