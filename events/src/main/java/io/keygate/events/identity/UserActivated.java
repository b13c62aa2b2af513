package io.keygate.events.identity;

/**
 * A user became able to log in: an invitation was accepted with a password, or the platform's first admin was bootstrapped (then {@code passwordChangeRequired}). Type {@code io.keygate.identity.user-activated.v1}.
 *
 * @param user the user's full state after the event
 * @param via  how: {@code INVITATION} or {@code BOOTSTRAP}
 */
public record UserActivated(UserState user, UserActivation via) implements UserEvent {}
