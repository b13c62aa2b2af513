package io.keygate.events.identity;

/** Lifecycle of a service account. */
public enum ServiceAccountStatus {
    /** Its secret obtains service tokens. */
    ACTIVE,
    /** Revoked: no new token, and every service refuses the ones it holds. Final. */
    REVOKED
}
