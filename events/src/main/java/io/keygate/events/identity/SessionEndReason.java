package io.keygate.events.identity;

/** Why a session ended. */
public enum SessionEndReason {
    /** The user logged out. */
    LOGOUT,
    /** The user was disabled. */
    USER_DISABLED,
    /** The user was deleted. */
    USER_DELETED,
    /** A refresh token of the session was presented a second time (RFC 9700 reuse detection): possibly stolen. */
    REFRESH_REUSE,
    /** The user changed the password (every other session of the user ends). */
    PASSWORD_CHANGED,
    /** The session reached its absolute lifetime. */
    EXPIRED,
    /** The session was not refreshed within the idle timeout. */
    IDLE_TIMEOUT
}
