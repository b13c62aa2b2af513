package io.keygate.events.identity;

/**
 * A user set a new password (never in the event); the user's other sessions ended (reason {@code PASSWORD_CHANGED}). Type {@code io.keygate.identity.user-password-changed.v1}.
 *
 * @param user the user's full state after the event
 */
public record UserPasswordChanged(UserState user) implements UserEvent {}
