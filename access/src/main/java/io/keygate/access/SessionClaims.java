package io.keygate.access;

/**
 * The claims of a dashboard session token: the contract between the token-service, which signs sessions, and every
 * service, which verifies them offline. The JWT's header has {@code typ: JWT} and the {@code kid} of a key published
 * on {@code keygate.signing-keys}; its {@code iss} is the token-service's issuer and its {@code aud} is
 * {@link #AUDIENCE}, which no OAuth2 access token carries.
 */
public final class SessionClaims {

    /** The {@code aud} of every session token. */
    public static final String AUDIENCE = "keygate-console";
    /** Claim that says what the token is for; sessions carry {@link #SESSION}. */
    public static final String TOKEN_USE = "token_use";
    /** The {@link #TOKEN_USE} of a session token. */
    public static final String SESSION = "session";
    /**
     * The {@link #TOKEN_USE} of a service token: a service account's, for automation. Its {@code sub} and {@code sid}
     * are the account's id, it always names a tenant, and it is never a platform administrator's.
     */
    public static final String SERVICE = "service";
    /** The session id (for a service token, the service account's id: revoking the account ends them all). */
    public static final String SESSION_ID = "sid";
    /** The user's tenant; absent for a platform administrator without one. */
    public static final String TENANT = "tenant";
    /** JSON array of {@link io.keygate.events.identity.TenantRole#wireName()} names. */
    public static final String ROLES = "roles";
    /**
     * JSON array of the ids of the teams the user belongs to (absent: none), as of the token's issue: a developer
     * manages their teams' applications too.
     */
    public static final String TEAMS = "teams";
    /** {@code true} for a platform administrator. */
    public static final String PLATFORM_ADMIN = "platform_admin";

    private SessionClaims() {}
}
