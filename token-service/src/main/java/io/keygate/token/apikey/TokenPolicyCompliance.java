package io.keygate.token.apikey;

import io.keygate.events.net.Cidr;
import io.keygate.events.policy.TokenPolicyState;
import io.keygate.events.token.ApiKeyState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Whether a key a caller issues, changes or rotates obeys its tenant's token policy. The first broken rule is
 * reported naming the rule and the key's field, so the 422 says exactly what to change.
 *
 * <p>Decisions: {@code maxKeyLifetime} is counted from the time of the change (issue, update or rotation), so
 * an update may move an expiry at most that far ahead. With {@code allowedCidrs} set, a key must have an IP
 * allow-list (an empty list means "any address", which the policy forbids), and every entry must lie within one
 * of the allowed networks.
 */
public final class TokenPolicyCompliance {

    private TokenPolicyCompliance() {}

    /** The first rule of {@code policy} that {@code key} breaks at {@code at}, if any; none without a policy. */
    public static Optional<ApiKeyRejection.PolicyViolation> violationOf(
            TokenPolicyState policy, ApiKeyState key, Instant at) {
        if (policy == null) {
            return Optional.empty();
        }
        if (policy.expiryRequired() && key.expiresAt() == null) {
            return violation("expiryRequired", "expiresAt", "every key of this tenant must have an expiry");
        }
        if (policy.maxKeyLifetime() != null
                && key.expiresAt() != null
                && key.expiresAt().isAfter(at.plus(policy.maxKeyLifetime()))) {
            return violation("maxKeyLifetime", "expiresAt", "must be at most " + policy.maxKeyLifetime() + " from now");
        }
        if (!policy.allowedCidrs().isEmpty()) {
            List<Cidr> allowed = policy.allowedCidrs().stream().map(Cidr::parse).toList();
            if (key.ipAllowList().isEmpty()) {
                return violation(
                        "allowedCidrs",
                        "ipAllowList",
                        "must be set, within " + String.join(", ", policy.allowedCidrs()));
            }
            for (int i = 0; i < key.ipAllowList().size(); i++) {
                Cidr entry = Cidr.parse(key.ipAllowList().get(i));
                if (allowed.stream().noneMatch(network -> network.contains(entry))) {
                    return violation(
                            "allowedCidrs",
                            "ipAllowList[" + i + "]",
                            "must lie within one of " + String.join(", ", policy.allowedCidrs()));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<ApiKeyRejection.PolicyViolation> violation(String rule, String field, String message) {
        return Optional.of(new ApiKeyRejection.PolicyViolation(rule, field, message));
    }
}
