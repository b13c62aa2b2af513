package io.keygate.token.identity.session;

import io.keygate.events.identity.SessionEndReason;
import io.keygate.events.identity.TenantRole;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Commands on the session aggregate. */
public sealed interface SessionCommand {

    /** The session the command is about. */
    String sessionId();

    /** Start a session after a complete login; its first access token expires at {@code accessTokenExpiresAt}. */
    record StartSession(
            String sessionId,
            String userId,
            String tenantId,
            List<TenantRole> roles,
            boolean platformAdmin,
            Instant at,
            Instant expiresAt,
            Instant accessTokenExpiresAt)
            implements SessionCommand {}

    /**
     * Issue a new access token (and refresh token) to a session, with the user's current roles; a session past its
     * absolute lifetime or idle for longer than {@code idleTimeout} ends instead.
     */
    record RefreshSession(
            String sessionId,
            List<TenantRole> roles,
            boolean platformAdmin,
            Instant at,
            Duration idleTimeout,
            Instant accessTokenExpiresAt)
            implements SessionCommand {}

    /** End a session (idempotent). */
    record EndSession(String sessionId, SessionEndReason reason, Instant at) implements SessionCommand {}
}
