package io.keygate.access.session;

import io.keygate.access.Caller;
import io.keygate.access.SessionClaims;
import io.keygate.events.identity.TenantRole;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * Verifies a dashboard session token offline: RS256 signature by a published signing key, {@code typ: JWT},
 * issuer, audience {@link SessionClaims#AUDIENCE}, expiry (with a small skew), {@code token_use: session}, and a
 * session that has not ended. Thread-safe.
 */
public final class SessionTokenVerifier {

    private final SigningKeys keys;
    private final EndedSessions endedSessions;
    private final JwtConsumer consumer;

    public SessionTokenVerifier(SigningKeys keys, EndedSessions endedSessions, String issuer, Duration clockSkew) {
        this.keys = keys;
        this.endedSessions = endedSessions;
        this.consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireSubject()
                .setRequireJwtId()
                .setAllowedClockSkewInSeconds((int) clockSkew.toSeconds())
                .setExpectedIssuer(issuer)
                .setExpectedAudience(SessionClaims.AUDIENCE)
                .setExpectedType(true, "JWT")
                .setJwsAlgorithmConstraints(
                        AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setVerificationKeyResolver((jws, nested) -> {
                    var key = keys.find(jws.getKeyIdHeaderValue());
                    if (key == null) {
                        throw new UnresolvableKeyException("Unknown or retired signing key");
                    }
                    return key;
                })
                .build();
    }

    /** The caller the token names, or an exception saying why the token is refused. */
    public Caller verify(String token) throws InvalidSessionException {
        JwtClaims claims;
        try {
            claims = consumer.processToClaims(token);
        } catch (InvalidJwtException e) {
            throw new InvalidSessionException("Invalid session token: " + firstReason(e));
        }
        try {
            String use = claims.getStringClaimValue(SessionClaims.TOKEN_USE);
            boolean service = SessionClaims.SERVICE.equals(use);
            if (!service && !SessionClaims.SESSION.equals(use)) {
                throw new InvalidSessionException("Not a session token");
            }
            if (service
                    && (claims.getStringClaimValue(SessionClaims.TENANT) == null
                            || claims.hasClaim(SessionClaims.PLATFORM_ADMIN))) {
                throw new InvalidSessionException("A service token acts in one tenant and is never a platform admin's");
            }
            String sessionId = claims.getStringClaimValue(SessionClaims.SESSION_ID);
            if (sessionId == null) {
                throw new InvalidSessionException("Session token without a session id");
            }
            if (endedSessions.isEnded(sessionId)) {
                throw new InvalidSessionException("The session has ended");
            }
            return new Caller(
                    claims.getSubject(),
                    sessionId,
                    claims.getStringClaimValue(SessionClaims.TENANT),
                    roles(claims),
                    Boolean.TRUE.equals(claims.getClaimValue(SessionClaims.PLATFORM_ADMIN, Boolean.class)),
                    claims.hasClaim(SessionClaims.TEAMS)
                            ? Set.copyOf(claims.getStringListClaimValue(SessionClaims.TEAMS))
                            : Set.of());
        } catch (MalformedClaimException e) {
            throw new InvalidSessionException("Malformed session claim: " + e.getMessage());
        }
    }

    private static Set<TenantRole> roles(JwtClaims claims) throws MalformedClaimException, InvalidSessionException {
        Set<TenantRole> roles = EnumSet.noneOf(TenantRole.class);
        if (!claims.hasClaim(SessionClaims.ROLES)) {
            return roles;
        }
        List<String> names = claims.getStringListClaimValue(SessionClaims.ROLES);
        for (String name : names) {
            roles.add(TenantRole.find(name)
                    .orElseThrow(() -> new InvalidSessionException("Unknown role in session token: " + name)));
        }
        return roles;
    }

    private static String firstReason(InvalidJwtException e) {
        return e.getErrorDetails().isEmpty()
                ? e.getMessage()
                : e.getErrorDetails().get(0).getErrorMessage();
    }
}
