package io.keygate.events.alert;

/** What analytics saw. */
public enum AlertKind {
    /** A key's request rate far above its own rolling baseline (EWMA mean and variance). */
    REQUEST_RATE_SPIKE,
    /** Many authentication failures (401) from one client address in a short window: credential stuffing. */
    AUTH_FAILURE_BURST_BY_IP,
    /** Many authentication failures (401) naming one key in a short window: a leaked (revoked, expired) key probed. */
    AUTH_FAILURE_BURST_BY_KEY,
    /** A key with an established history of client addresses used from an address it never used before. */
    KEY_USED_FROM_NEW_IP
}
