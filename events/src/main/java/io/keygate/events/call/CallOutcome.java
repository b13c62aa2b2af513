package io.keygate.events.call;

/**
 * What the gateway did with a request. The precise reason lives here, in the call record, while the
 * client only sees a generic problem (an unknown key is never distinguished from a revoked one).
 */
public enum CallOutcome {
    /** Forwarded upstream; the status is the upstream's. */
    PROXIED,
    /** The request's shape is unsound: path, Host or framing (400). */
    MALFORMED_REQUEST,
    /** A method the gateway does not proxy (405). */
    METHOD_NOT_ALLOWED,
    /** A declared body larger than the route allows (413). */
    BODY_TOO_LARGE,
    /** No route matches the path (404). */
    NO_ROUTE,
    /** No credential presented (401). */
    MISSING_CREDENTIAL,
    /** An API key in the query string, refused whatever else the request carries (401). */
    KEY_IN_QUERY,
    /** A credential that matches no key (401). */
    UNKNOWN_KEY,
    /** A revoked key (401). */
    REVOKED_KEY,
    /** An expired key (401). */
    EXPIRED_KEY,
    /** A credential of a kind the route does not accept, e.g. a JWT on a route for API keys only (401). */
    CREDENTIAL_KIND_NOT_ACCEPTED,
    /** A JWT that does not parse as a JWS, or lacks a claim an access token must carry (401). */
    MALFORMED_TOKEN,
    /** A JWT whose {@code alg} is not on the gateway's allow-list ({@code none}, HMAC, …) or not its key's (401). */
    TOKEN_ALGORITHM_NOT_ALLOWED,
    /** A JWT whose {@code typ} header is not {@code at+jwt} (RFC 9068), e.g. an ID token (401). */
    WRONG_TOKEN_TYPE,
    /** A JWT whose {@code kid} names no published signing key: unknown, or retired (401). */
    UNKNOWN_SIGNING_KEY,
    /** A JWT whose signature does not verify with its signing key: forged or tampered with (401). */
    INVALID_TOKEN_SIGNATURE,
    /** A JWT past its {@code exp}, beyond the tolerated clock skew (401). */
    TOKEN_EXPIRED,
    /** A JWT before its {@code nbf}, beyond the tolerated clock skew (401). */
    TOKEN_NOT_YET_VALID,
    /** A JWT from another issuer than the gateway's ({@code iss}) (401). */
    WRONG_ISSUER,
    /** A JWT not meant for the gateway: its {@code aud} lacks the gateway's audience (401). */
    WRONG_AUDIENCE,
    /** A JWT whose {@code jti} was revoked (RFC 7009) (401). */
    TOKEN_REVOKED,
    /** A JWT of an OAuth2 client that was revoked (401). */
    CLIENT_REVOKED,
    /** A valid key of another tenant than the route's (403). */
    WRONG_TENANT,
    /** A valid key whose application has no approved subscription to the route's API (403). */
    NO_SUBSCRIPTION,
    /** The client's address is denied, or not on an allow-list in force: the key's, the tenant's or the platform's (403). */
    IP_NOT_ALLOWED,
    /** A valid key without a scope the route requires for the method and path (403). */
    INSUFFICIENT_SCOPE,
    /** The caller's rate limit (its key's or its plan's) had no room: 429 with Retry-After. */
    RATE_LIMITED,
    /** The caller's quota (its key's or its plan's) for the period is used up: 429 with Retry-After. */
    QUOTA_EXCEEDED,
    /** The upstream could not be reached or timed out (502/504). */
    UPSTREAM_ERROR,
    /** The gateway had not caught up with its state yet and refused to serve (503, fail closed). */
    NOT_READY,
    /**
     * The gateway lost touch with its state topics for longer than its configured maximum staleness and refused
     * to serve rather than risk honouring a revoked credential (503, fail closed).
     */
    STATE_TOO_STALE,
    /** The gateway failed on its own (500); the details are in its log under the request id. */
    GATEWAY_ERROR,
    /** The client went away before it got an answer (499, nginx's convention). */
    CLIENT_CLOSED,
    /** A CORS preflight the gateway answered itself, allowing it (204); nothing went upstream. */
    CORS_PREFLIGHT,
    /** A CORS preflight from an origin, or for a method or headers, the route does not allow (403). */
    CORS_REFUSED
}
