package io.keygate.events.identity;

/** A step of the login flow. */
public enum LoginStep {
    /** E-mail address and password. */
    PASSWORD,
    /** Second factor: TOTP code, recovery code or passkey. */
    MFA,
    /** Forced new password. */
    PASSWORD_CHANGE,
    /** TOTP enrolment during login. */
    MFA_ENROLMENT
}
