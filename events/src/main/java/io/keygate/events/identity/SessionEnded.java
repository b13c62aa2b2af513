package io.keygate.events.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * A session ended: its refresh tokens are refused from now on, and every service must deny its access tokens
 * (claim {@code sid} = {@code session.sessionId}) until {@code accessTokenExpiresAt}, after which they are refused
 * anyway. Published once per session, also for each live session of a user who is disabled or deleted or changes
 * the password. Type {@code io.keygate.identity.session-ended.v1}.
 *
 * @param session              the session after it ended (status {@code ENDED})
 * @param reason               why (also in the state)
 * @param accessTokenExpiresAt the latest {@code exp} of any access token of the session (also in the state)
 */
public record SessionEnded(SessionState session, SessionEndReason reason, Instant accessTokenExpiresAt)
        implements SessionEvent {

    public SessionEnded {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(accessTokenExpiresAt, "accessTokenExpiresAt");
    }

    /** The ended session's id: its access tokens' {@code sid}. */
    public String sessionId() {
        return session.sessionId();
    }

    /** Whose session it was. */
    public String userId() {
        return session.userId();
    }
}
