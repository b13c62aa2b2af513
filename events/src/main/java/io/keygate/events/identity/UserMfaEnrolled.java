package io.keygate.events.identity;

/**
 * A user confirmed a TOTP authenticator with a valid code and received new recovery codes (never in the event). Type {@code io.keygate.identity.user-mfa-enrolled.v1}.
 *
 * @param user the user's full state after the event
 */
public record UserMfaEnrolled(UserState user) implements UserEvent {}
