package io.keygate.events.identity;

/**
 * A user replaced all recovery codes by new ones (never in the event). Type {@code io.keygate.identity.user-recovery-codes-regenerated.v1}.
 *
 * @param user the user's full state after the event
 */
public record UserRecoveryCodesRegenerated(UserState user) implements UserEvent {}
