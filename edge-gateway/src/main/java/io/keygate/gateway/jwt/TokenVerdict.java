package io.keygate.gateway.jwt;

/** What the verifier concluded about a JWT access token: valid, or the precise reason it is refused. */
public enum TokenVerdict {
    /** Signed by a published key, in its validity window, for this gateway, and neither it nor its client revoked. */
    VALID,
    /** Not a JWS in compact form, too long, or lacking a claim an access token must carry. */
    MALFORMED,
    /** Its {@code alg} is not on the allow-list, or not the algorithm of the key it names. */
    ALGORITHM_NOT_ALLOWED,
    /** Its {@code typ} is not {@code at+jwt}. */
    WRONG_TYPE,
    /** Its {@code kid} names no published signing key. */
    UNKNOWN_SIGNING_KEY,
    /** Its signature does not verify. */
    INVALID_SIGNATURE,
    /** Past its {@code exp} beyond the clock skew. */
    EXPIRED,
    /** Before its {@code nbf} beyond the clock skew. */
    NOT_YET_VALID,
    /** Another {@code iss} than the configured issuer. */
    WRONG_ISSUER,
    /** Its {@code aud} does not contain the configured audience. */
    WRONG_AUDIENCE,
    /** Its {@code jti} was revoked. */
    REVOKED,
    /** Its client was revoked. */
    CLIENT_REVOKED
}
