package io.keygate.events.identity;

/** Lifecycle of a dashboard user. */
public enum UserStatus {
    /** Invited; cannot log in until the invitation is accepted with a password. */
    INVITED,
    /** Can log in. */
    ACTIVE,
    /** Cannot log in; every session of the user ended when it was disabled. Can be enabled again. */
    DISABLED,
    /** Gone for good; the e-mail address may be invited again as a new user. */
    DELETED
}
