package io.keygate.events.identity;

/** The factors a successful login checked. */
public enum LoginMethod {
    /** Password only (a user without MFA where MFA is not required). */
    PASSWORD,
    /** Password and a TOTP code. */
    PASSWORD_AND_TOTP,
    /** Password and a recovery code. */
    PASSWORD_AND_RECOVERY_CODE,
    /** Password (one-time or current), then TOTP enrolment confirmed with a code. */
    PASSWORD_AND_TOTP_ENROLMENT,
    /** Password and a WebAuthn assertion of one of the user's passkeys. */
    PASSWORD_AND_PASSKEY
}
