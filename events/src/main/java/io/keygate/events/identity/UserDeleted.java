package io.keygate.events.identity;

/**
 * A user was deleted for good; every live session ended with it (reason {@code USER_DELETED}). Type {@code io.keygate.identity.user-deleted.v1}.
 *
 * @param user the user's full state after the event
 */
public record UserDeleted(UserState user) implements UserEvent {}
