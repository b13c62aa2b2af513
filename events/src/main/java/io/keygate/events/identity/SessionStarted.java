package io.keygate.events.identity;

/**
 * A user logged in (every factor the user has was checked) and got a session: an access token and a refresh
 * token (neither in the event). Type {@code io.keygate.identity.session-started.v1}.
 *
 * @param session the new session
 */
public record SessionStarted(SessionState session) implements SessionEvent {}
