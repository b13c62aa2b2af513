package io.keygate.events.token;

/** Lifecycle state of an API key. */
public enum ApiKeyStatus {
    /** Usable until its expiry. */
    ACTIVE,
    /** Refused from the moment the revocation is applied. */
    REVOKED,
    /** Past its expiry; set by an {@link ApiKeyExpired} event, refused like a revoked key. */
    EXPIRED
}
