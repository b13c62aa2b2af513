package io.keygate.events.signing;

/** Lifecycle state of a token-signing key. */
public enum SigningKeyStatus {
    /** In the JWKS: verifiers must accept tokens signed with it. */
    PUBLISHED,
    /** Out of the JWKS: every token it signed has expired; verifiers drop it. */
    RETIRED
}
