package io.keygate.token.identity.session;

/**
 * The claims of a session access token, the contract between the token-service that signs it and the access
 * module that verifies it in every service (which will own this class). A session access token is a JWT signed
 * RS256 with the token-service's active signing key ({@code kid} in {@code /.well-known/jwks.json} and on
 * {@code keygate.signing-keys}), header {@code typ: JWT}.
 */
public final class SessionClaims {

    /** {@code iss}: {@code keygate.oauth.issuer}. */
    public static final String ISSUER = "iss";
    /** {@code aud}: {@code keygate.identity.session.audience}, {@code keygate-console} by default. */
    public static final String AUDIENCE = "aud";
    /** {@code sub}: the user id. */
    public static final String SUBJECT = "sub";
    /** The session id: deny the token once a {@code session-ended} event names it. */
    public static final String SESSION_ID = "sid";
    /** Always {@link #SESSION_TOKEN_USE} for a session token (tells it apart from OAuth2 access tokens). */
    public static final String TOKEN_USE = "token_use";
    /** The user's tenant id; absent for a platform admin without a tenant. */
    public static final String TENANT = "tenant";
    /** JSON array of the user's tenant roles: {@code admin}, {@code developer}, {@code viewer}, {@code auditor}. */
    public static final String ROLES = "roles";
    /** {@code true} only for platform admins (absent otherwise). */
    public static final String PLATFORM_ADMIN = "platform_admin";
    /** {@code iat}, {@code exp}: seconds since the epoch. */
    public static final String ISSUED_AT = "iat";

    public static final String EXPIRES_AT = "exp";
    /** A unique token id. */
    public static final String TOKEN_ID = "jti";

    /** The value of {@link #TOKEN_USE}. */
    public static final String SESSION_TOKEN_USE = "session";
    /** The JOSE {@code typ} header. */
    public static final String TYPE = "JWT";

    private SessionClaims() {}
}
