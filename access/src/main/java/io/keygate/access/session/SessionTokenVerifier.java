package io.keygate.access.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.keygate.access.Caller;
import io.keygate.access.SessionClaims;
import io.keygate.events.identity.TenantRole;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
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
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * Verifies a dashboard session token offline: RS256 signature by a published signing key, {@code typ: JWT},
 * issuer, audience {@link SessionClaims#AUDIENCE}, expiry (with a small skew), {@code token_use: session}, and a
 * session that has not ended. Thread-safe.
 *
 * <p>A dashboard sends the same token with every call until it refreshes it, and checking its RSA signature and
 * parsing its JSON is most of what authenticating a call costs. So a token that verified is remembered (up to
 * {@code cacheSize} of them; beyond that the cache drops those least likely to be used again) with the caller it
 * names, and a later call with the very same token skips the signature and claim parsing: its expiry, its session
 * and its signing key are still checked on every call, so an expired token, an ended session or a retired or
 * replaced key refuses it at once.
 */
public final class SessionTokenVerifier {

    private final SigningKeys keys;
    private final EndedSessions endedSessions;
    private final JwtConsumer consumer;
    private final Cache<String, Verified> verified;
    private final long clockSkewSeconds;
    private final Clock clock;

    public SessionTokenVerifier(
            SigningKeys keys, EndedSessions endedSessions, String issuer, Duration clockSkew, int cacheSize) {
        this(keys, endedSessions, issuer, clockSkew, cacheSize, Clock.systemUTC());
    }

    /** As the public constructor, reading the time of the expiry check on remembered tokens from {@code clock}. */
    SessionTokenVerifier(
            SigningKeys keys,
            EndedSessions endedSessions,
            String issuer,
            Duration clockSkew,
            int cacheSize,
            Clock clock) {
        this.keys = keys;
        this.endedSessions = endedSessions;
        this.clockSkewSeconds = clockSkew.toSeconds();
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(cacheSize).build();
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
        Verified remembered = verified.getIfPresent(token);
        if (remembered != null) {
            if (clock.instant().getEpochSecond() - clockSkewSeconds > remembered.expiresAt()) {
                verified.invalidate(token);
                throw new InvalidSessionException("Invalid session token: expired");
            }
            if (remembered.verifiedBy(keys)) {
                return checkNotEnded(remembered.caller());
            }
            // Its key was retired or replaced: checked again in full, which refuses it.
            verified.invalidate(token);
        }
        JwtContext context;
        JwtClaims claims;
        try {
            context = consumer.process(token);
            claims = context.getJwtClaims();
        } catch (InvalidJwtException e) {
            throw new InvalidSessionException("Invalid session token: " + firstReason(e));
        }
        Caller caller = caller(claims);
        // The signature just verified with the key its kid names (no key is found without one).
        String keyId = context.getJoseObjects().get(0).getKeyIdHeaderValue();
        RSAPublicKey key = keys.find(keyId);
        long expiresAt = expiry(claims);
        if (key != null) {
            verified.put(token, new Verified(caller, key, keyId, expiresAt));
        }
        return checkNotEnded(caller);
    }

    private Caller checkNotEnded(Caller caller) throws InvalidSessionException {
        if (endedSessions.isEnded(caller.sessionId())) {
            throw new InvalidSessionException("The session has ended");
        }
        return caller;
    }

    private static long expiry(JwtClaims claims) throws InvalidSessionException {
        try {
            return claims.getExpirationTime().getValue();
        } catch (MalformedClaimException e) {
            throw new InvalidSessionException("Malformed session claim: " + e.getMessage());
        }
    }

    private Caller caller(JwtClaims claims) throws InvalidSessionException {
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

    /**
     * A token that verified: the caller it names, the key that verified its signature, and its {@code exp} (epoch
     * seconds).
     */
    private record Verified(Caller caller, RSAPublicKey key, String keyId, long expiresAt) {

        /** Whether the key that verified it is still the one published under its kid. */
        boolean verifiedBy(SigningKeys keys) {
            return keys.find(keyId) == key;
        }
    }

    private static String firstReason(InvalidJwtException e) {
        return e.getErrorDetails().isEmpty()
                ? e.getMessage()
                : e.getErrorDetails().get(0).getErrorMessage();
    }
}
