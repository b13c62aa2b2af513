package io.keygate.events.identity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Full state of a dashboard session, carried by every session event. Never a refresh or access token.
 *
 * @param sessionId            {@code ses_} + 32 hex digits: the {@code sid} claim of its access tokens
 * @param userId               whose session it is
 * @param tenantId             the user's tenant; null for a platform admin without a tenant
 * @param roles                the user's roles when the latest access token was issued
 * @param platformAdmin        whether the user is a platform admin
 * @param status               lifecycle
 * @param startedAt            login time
 * @param expiresAt            absolute end: no refresh after it
 * @param lastRefreshedAt      when the latest access token was issued (login or refresh)
 * @param accessTokenExpiresAt the latest {@code exp} of any access token of the session
 * @param endedAt              when it ended; null while active
 * @param endReason            why it ended; null while active
 */
public record SessionState(
        String sessionId,
        String userId,
        String tenantId,
        List<TenantRole> roles,
        boolean platformAdmin,
        SessionStatus status,
        Instant startedAt,
        Instant expiresAt,
        Instant lastRefreshedAt,
        Instant accessTokenExpiresAt,
        Instant endedAt,
        SessionEndReason endReason) {

    public SessionState {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(lastRefreshedAt, "lastRefreshedAt");
        Objects.requireNonNull(accessTokenExpiresAt, "accessTokenExpiresAt");
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
