package io.keygate.events.identity;

/**
 * A user was invited (status {@code INVITED}); the one-time invitation token went to the inviter, never into an event. Type {@code io.keygate.identity.user-invited.v1}.
 *
 * @param user      the user's full state after the event
 * @param invitedBy who invited: {@code user:<id>}
 */
public record UserInvited(UserState user, String invitedBy) implements UserEvent {}
