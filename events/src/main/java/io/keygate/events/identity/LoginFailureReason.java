package io.keygate.events.identity;

/** Why a login step failed (the caller always gets the same answer; only the audit trail tells them apart). */
public enum LoginFailureReason {
    /** No user has that e-mail address. */
    UNKNOWN_USER,
    /** Wrong password. */
    BAD_PASSWORD,
    /** Right or wrong password, but the user is invited, disabled or deleted. */
    USER_INACTIVE,
    /** The account name or the client address is locked after repeated failures; nothing was checked. */
    LOCKED,
    /** Wrong, reused or expired TOTP code, or an unknown or used recovery code. */
    BAD_CODE,
    /** The new password chosen at a forced change was refused by the password policy. */
    PASSWORD_REFUSED,
    /**
     * A passkey assertion was refused: not one of the user's passkeys, a bad signature, a wrong, used or expired
     * WebAuthn challenge, or a signature counter that did not move forward (a cloned authenticator).
     */
    BAD_PASSKEY
}
