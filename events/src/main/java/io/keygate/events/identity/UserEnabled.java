package io.keygate.events.identity;

/**
 * A disabled user was enabled again. Type {@code io.keygate.identity.user-enabled.v1}.
 *
 * @param user the user's full state after the event
 */
public record UserEnabled(UserState user) implements UserEvent {}
