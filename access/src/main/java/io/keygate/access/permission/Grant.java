package io.keygate.access.permission;

/** What one role may do with one endpoint. */
public enum Grant {
    /** Allowed. */
    ALLOW,
    /** Allowed only on applications the caller owns; the owning service checks ownership. */
    OWN,
    /** Refused. */
    DENY
}
