package io.keygate.events.identity;

/**
 * A user logged in with a recovery code, which can never be used again; {@code recoveryCodesRemaining} says how many are left. Type {@code io.keygate.identity.user-recovery-code-used.v1}.
 *
 * @param user the user's full state after the event
 */
public record UserRecoveryCodeUsed(UserState user) implements UserEvent {}
