package io.keygate.policy.iprule;

import io.keygate.events.net.Cidr;
import java.time.Instant;

/** The checks every IP rule's fields pass before any event carries them. */
public final class IpRuleRules {

    /** Most characters in a reason. */
    public static final int MAX_REASON = 500;

    private IpRuleRules() {}

    /**
     * The CIDR in canonical form. A bare address is one host; host bits set ({@code 10.0.0.1/8}) are refused
     * naming the network meant, never silently masked (see {@link Cidr}).
     */
    public static String normaliseCidr(String cidr) {
        try {
            return Cidr.parse(cidr).toString();
        } catch (IllegalArgumentException e) {
            throw invalid(400, "cidr", e.getMessage());
        }
    }

    /** The reason, checked: 1..500 characters, not blank, no control characters. */
    public static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw invalid(400, "reason", "must not be blank");
        }
        if (reason.length() > MAX_REASON) {
            throw invalid(400, "reason", "must be at most " + MAX_REASON + " characters");
        }
        if (reason.chars().anyMatch(Character::isISOControl)) {
            throw invalid(400, "reason", "must not contain control characters");
        }
        return reason;
    }

    /** An expiry, if any, must lie after {@code at}. */
    public static void requireFutureExpiry(Instant expiresAt, Instant at) {
        if (expiresAt != null && !expiresAt.isAfter(at)) {
            throw invalid(422, "expiresAt", "must be in the future");
        }
    }

    private static IpRuleRejectedException invalid(int status, String field, String message) {
        return new IpRuleRejectedException(new IpRuleRejection.InvalidField(status, field, message));
    }
}
