package io.keygate.token.identity.session;

import io.keygate.access.SessionClaims;
import io.keygate.events.EventEnvelope;
import io.keygate.events.identity.ServiceAccountState;
import io.keygate.events.identity.SessionState;
import io.keygate.events.identity.TenantRole;
import io.keygate.token.identity.config.IdentityConfig;
import io.keygate.token.oauth.config.OAuthConfig;
import io.keygate.token.oauth.service.ActiveSigningKey;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Signs session access tokens (see {@link SessionClaims}) with the same active key as the OAuth2 access tokens, so a
 * verifier needs one JWKS; {@code aud} and {@code token_use} keep the two kinds apart.
 */
@ApplicationScoped
public class SessionTokenIssuer {

    private final OAuthConfig oauth;
    private final IdentityConfig identity;

    SessionTokenIssuer(OAuthConfig oauth, IdentityConfig identity) {
        this.oauth = oauth;
        this.identity = identity;
    }

    /**
     * The access token of a session, issued at {@code issuedAt}, expiring at {@code expiresAt}, naming the user's teams
     * at that moment.
     */
    public String sign(
            ActiveSigningKey key, SessionState session, List<String> teams, Instant issuedAt, Instant expiresAt) {
        JwtClaimsBuilder claims = Jwt.issuer(oauth.issuer())
                .subject(session.userId())
                .audience(SessionClaims.AUDIENCE)
                .issuedAt(issuedAt.getEpochSecond())
                .expiresAt(expiresAt.getEpochSecond())
                .claim("jti", EventEnvelope.newEventId().toString())
                .claim(SessionClaims.SESSION_ID, session.sessionId())
                .claim(SessionClaims.TOKEN_USE, SessionClaims.SESSION)
                .claim(
                        SessionClaims.ROLES,
                        session.roles().stream().map(TenantRole::wireName).toList());
        if (session.tenantId() != null) {
            claims.claim(SessionClaims.TENANT, session.tenantId());
        }
        if (!teams.isEmpty()) {
            claims.claim(SessionClaims.TEAMS, teams);
        }
        if (session.platformAdmin()) {
            claims.claim(SessionClaims.PLATFORM_ADMIN, true);
        }
        return signed(claims, key);
    }

    /** A service account's token (see {@link SessionClaims#SERVICE}), issued at {@code issuedAt}. */
    public String signServiceToken(
            ActiveSigningKey key, ServiceAccountState account, Instant issuedAt, Instant expiresAt) {
        JwtClaimsBuilder claims = Jwt.issuer(oauth.issuer())
                .subject(account.serviceAccountId())
                .audience(SessionClaims.AUDIENCE)
                .issuedAt(issuedAt.getEpochSecond())
                .expiresAt(expiresAt.getEpochSecond())
                .claim("jti", EventEnvelope.newEventId().toString())
                .claim(SessionClaims.SESSION_ID, account.serviceAccountId())
                .claim(SessionClaims.TOKEN_USE, SessionClaims.SERVICE)
                .claim(SessionClaims.TENANT, account.tenantId())
                .claim(
                        SessionClaims.ROLES,
                        account.roles().stream().map(TenantRole::wireName).toList());
        return signed(claims, key);
    }

    private static String signed(JwtClaimsBuilder claims, ActiveSigningKey key) {
        return claims.jws()
                .keyId(key.keyId())
                .header("typ", "JWT")
                .algorithm(SignatureAlgorithm.RS256)
                .sign(key.privateKey());
    }
}
