package io.keygate.events.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/**
 * A login step failed. Type {@code io.keygate.identity.login-failed.v1}. The client address is the envelope's
 * {@code clientip}. What was typed is never here: an unknown e-mail address appears only as {@code accountHash}.
 *
 * @param attemptId   {@code login_} + 32 hex digits
 * @param userId      the user, if the address belongs to one; null for an unknown address
 * @param tenantId    that user's tenant, or null
 * @param accountHash HMAC-SHA-256 (base64url, under the service's pepper) of the lower-cased e-mail address: the key
 *                    the per-account lockout counts under, so failures against one name correlate
 * @param step        the step that failed
 * @param reason      why
 * @param lockedUntil until when the account name or client address is locked after this failure; null if not locked
 * @param at          when
 */
public record LoginFailed(
        String attemptId,
        String userId,
        String tenantId,
        String accountHash,
        LoginStep step,
        LoginFailureReason reason,
        Instant lockedUntil,
        Instant at)
        implements LoginEvent {

    public LoginFailed {
        Objects.requireNonNull(attemptId, "attemptId");
        Objects.requireNonNull(accountHash, "accountHash");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }

    /** {@code failure}, for the audit trail's outcome column. */
    @JsonProperty("outcome")
    public String outcome() {
        return "failure";
    }
}
