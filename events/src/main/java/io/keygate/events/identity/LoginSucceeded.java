package io.keygate.events.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/**
 * A login completed and started a session. Type {@code io.keygate.identity.login-succeeded.v1}. The client address
 * is the envelope's {@code clientip}, the user its {@code actor}.
 *
 * @param attemptId {@code login_} + 32 hex digits
 * @param userId    who logged in
 * @param tenantId  the user's tenant; null for a platform admin without one
 * @param sessionId the session it started
 * @param method    the factors checked
 * @param at        when
 */
public record LoginSucceeded(
        String attemptId, String userId, String tenantId, String sessionId, LoginMethod method, Instant at)
        implements LoginEvent {

    public LoginSucceeded {
        Objects.requireNonNull(attemptId, "attemptId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(at, "at");
    }

    /** {@code success}, for the audit trail's outcome column. */
    @JsonProperty("outcome")
    public String outcome() {
        return "success";
    }
}
