package io.keygate.events.identity;

/** Lifecycle of a dashboard session. */
public enum SessionStatus {
    /** Its refresh token works; its access tokens are valid until they expire. */
    ACTIVE,
    /** Over: its refresh tokens are refused and its access tokens must be denied until they expire. */
    ENDED
}
