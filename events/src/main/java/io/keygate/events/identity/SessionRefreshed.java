package io.keygate.events.identity;

/**
 * A session's refresh token was used once: it was replaced by a new one and a new access token was issued (its
 * {@code exp} is the state's {@code accessTokenExpiresAt}). Type {@code io.keygate.identity.session-refreshed.v1}.
 *
 * @param session the session after the refresh
 */
public record SessionRefreshed(SessionState session) implements SessionEvent {}
