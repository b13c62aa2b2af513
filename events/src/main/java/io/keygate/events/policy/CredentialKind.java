package io.keygate.events.policy;

/** A kind of credential a route accepts. */
public enum CredentialKind {
    /** A Keygate API key. */
    API_KEY,
    /** A JWT access token (OAuth2 client credentials). */
    JWT
}
