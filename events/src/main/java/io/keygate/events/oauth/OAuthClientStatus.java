package io.keygate.events.oauth;

/** Lifecycle state of an OAuth2 client. */
public enum OAuthClientStatus {
    /** May obtain access tokens. */
    ACTIVE,
    /** Refused at the token endpoint from the moment the revocation is applied. */
    REVOKED
}
