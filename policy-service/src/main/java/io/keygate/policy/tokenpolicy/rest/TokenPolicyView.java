package io.keygate.policy.tokenpolicy.rest;

import io.keygate.events.policy.TokenPolicyState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A tenant's token policy as the API shows it (durations as ISO-8601 text). */
public record TokenPolicyView(
        String tenantId,
        String maxKeyLifetime,
        boolean expiryRequired,
        String maxKeyAge,
        int rotationWarningDays,
        boolean forceExpiryWhenTooOld,
        List<String> allowedCidrs,
        long version,
        Instant updatedAt) {

    static TokenPolicyView of(TokenPolicyState policy) {
        return new TokenPolicyView(
                policy.tenantId(),
                text(policy.maxKeyLifetime()),
                policy.expiryRequired(),
                text(policy.maxKeyAge()),
                policy.rotationWarningDays(),
                policy.forceExpiryWhenTooOld(),
                policy.allowedCidrs(),
                policy.version(),
                policy.updatedAt());
    }

    private static String text(Duration duration) {
        return duration == null ? null : duration.toString();
    }
}
