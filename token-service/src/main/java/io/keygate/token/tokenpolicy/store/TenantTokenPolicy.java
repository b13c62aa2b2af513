package io.keygate.token.tokenpolicy.store;

import io.keygate.events.policy.TokenPolicyState;

/**
 * A tenant's token policy as the token-service holds it.
 *
 * @param policy         the policy (highest version seen)
 * @param eventId        id of the {@code token-policy.set} event that carried it: the causation id of the
 *                       events that bring keys into line with it
 * @param alignedVersion the version every active key has been brought into line with (0: none yet)
 */
public record TenantTokenPolicy(TokenPolicyState policy, String eventId, long alignedVersion) {

    /** Whether existing keys still have to be brought into line with this version. */
    public boolean needsAlignment() {
        return alignedVersion < policy.version();
    }
}
