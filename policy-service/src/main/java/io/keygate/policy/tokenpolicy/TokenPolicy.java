package io.keygate.policy.tokenpolicy;

import io.keygate.events.net.Cidr;
import io.keygate.events.policy.TokenPolicyEvent;
import io.keygate.events.policy.TokenPolicySet;
import io.keygate.events.policy.TokenPolicyState;
import io.keygate.eventstore.Decider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The token-policy aggregate (one per tenant, id {@code tp_<tenantId>}) as two pure functions. Every set
 * publishes the whole policy with the next version, so consumers keep the highest version and need no history.
 */
public final class TokenPolicy {

    /** The aggregate type of token policies in the event store. */
    public static final String AGGREGATE_TYPE = "token-policy";

    /** The rules below as the event store runs them. */
    public static final Decider<SetTokenPolicy, TokenPolicyState, TokenPolicyEvent> DECIDER =
            Decider.of(AGGREGATE_TYPE, TokenPolicy::decide, TokenPolicy::evolve);

    /** Longest lifetime or age a policy may name: ten years. */
    public static final Duration MAX_DURATION = Duration.ofDays(3650);
    /** Most days of rotation warning. */
    public static final int MAX_WARNING_DAYS = 90;
    /** Most allowed CIDRs. */
    public static final int MAX_ALLOWED_CIDRS = 100;

    private TokenPolicy() {}

    /** The event a set produces; none when the policy would not change. */
    public static List<TokenPolicyEvent> decide(SetTokenPolicy set, TokenPolicyState state) {
        requireDuration("maxKeyLifetime", set.maxKeyLifetime());
        requireDuration("maxKeyAge", set.maxKeyAge());
        if (set.rotationWarningDays() < 0 || set.rotationWarningDays() > MAX_WARNING_DAYS) {
            throw invalid(400, "rotationWarningDays", "must be between 0 and " + MAX_WARNING_DAYS);
        }
        if (set.maxKeyAge() == null && (set.forceExpiryWhenTooOld() || set.rotationWarningDays() > 0)) {
            String field = set.forceExpiryWhenTooOld() ? "forceExpiryWhenTooOld" : "rotationWarningDays";
            throw invalid(422, field, "needs maxKeyAge");
        }
        if (set.maxKeyAge() != null
                && Duration.ofDays(set.rotationWarningDays()).compareTo(set.maxKeyAge()) >= 0) {
            throw invalid(422, "rotationWarningDays", "must be shorter than maxKeyAge");
        }
        List<String> cidrs = allowedCidrs(set.allowedCidrs());
        if (state != null
                && Objects.equals(state.maxKeyLifetime(), set.maxKeyLifetime())
                && state.expiryRequired() == set.expiryRequired()
                && Objects.equals(state.maxKeyAge(), set.maxKeyAge())
                && state.rotationWarningDays() == set.rotationWarningDays()
                && state.forceExpiryWhenTooOld() == set.forceExpiryWhenTooOld()
                && state.allowedCidrs().equals(cidrs)) {
            return List.of();
        }
        return List.of(new TokenPolicySet(new TokenPolicyState(
                set.tenantId(),
                set.maxKeyLifetime(),
                set.expiryRequired(),
                set.maxKeyAge(),
                set.rotationWarningDays(),
                set.forceExpiryWhenTooOld(),
                cidrs,
                state == null ? 1 : state.version() + 1,
                set.at())));
    }

    /** The state after an event. */
    public static TokenPolicyState evolve(TokenPolicyState state, TokenPolicyEvent event) {
        return event.policy();
    }

    private static void requireDuration(String field, Duration duration) {
        if (duration != null && (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0)) {
            throw invalid(400, field, "must be a positive ISO-8601 duration of at most P3650D");
        }
    }

    /** Canonical CIDRs, duplicates dropped, order kept; a bad entry is named by its index. */
    private static List<String> allowedCidrs(List<String> entries) {
        if (entries.size() > MAX_ALLOWED_CIDRS) {
            throw invalid(400, "allowedCidrs", "must have at most " + MAX_ALLOWED_CIDRS + " entries");
        }
        Set<String> normalised = new LinkedHashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            try {
                normalised.add(Cidr.parse(entries.get(i)).toString());
            } catch (IllegalArgumentException e) {
                throw invalid(400, "allowedCidrs[" + i + "]", e.getMessage());
            }
        }
        return new ArrayList<>(normalised);
    }

    private static TokenPolicyRejectedException invalid(int status, String field, String message) {
        return new TokenPolicyRejectedException(new TokenPolicyRejection.InvalidField(status, field, message));
    }
}
