package io.keygate.events.identity;

/**
 * A user was disabled: no login, no refresh; every live session ended with it (one {@code session-ended} event each, reason {@code USER_DISABLED}). Type {@code io.keygate.identity.user-disabled.v1}.
 *
 * @param user the user's full state after the event
 */
public record UserDisabled(UserState user) implements UserEvent {}
