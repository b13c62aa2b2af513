package io.keygate.gateway.jwt;

import io.keygate.events.policy.CredentialKind;
import io.keygate.gateway.check.Caller;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.lang.JoseException;

/**
 * Verifies RFC 9068 JWT access tokens offline, against the signing keys and revocations from the events: the
 * {@code alg} on an explicit allow-list of RSA algorithms and equal to its key's (so never {@code none}, never an
 * HMAC keyed with a public key), {@code typ: at+jwt}, a published {@code kid}, a valid signature, the configured
 * {@code iss} and an {@code aud} containing the configured audience, {@code exp}/{@code nbf} within the clock skew,
 * and neither the {@code jti} nor the client revoked. JOSE parsing and signature checks are jose4j's.
 *
 * <p>A token that passed is cached by its SHA-256: repeating it costs a hash and a lookup, while time, key and
 * revocations are still checked on every use, so a revocation applies to cached tokens at once. Thread-safe; never
 * blocks.
 */
public final class AccessTokenVerifier {

    /** The {@code typ} of an access token (RFC 9068 §2.1). */
    public static final String ACCESS_TOKEN_TYPE = "at+jwt";

    private static final String MEDIA_TYPE_PREFIX = "application/";

    private final AccessTokenRules rules;
    private final JwtState state;
    private final AlgorithmConstraints algorithms;
    private final VerifiedTokenCache cache;
    private final long clockSkewSeconds;

    /**
     * @param rules           what a token must satisfy
     * @param state           signing keys, revoked tokens and clients, as the events last described them
     * @param cacheMaxEntries how many verified tokens to remember
     */
    public AccessTokenVerifier(AccessTokenRules rules, JwtState state, long cacheMaxEntries) {
        this.rules = rules;
        this.state = state;
        this.algorithms = new AlgorithmConstraints(
                AlgorithmConstraints.ConstraintType.PERMIT,
                rules.allowedAlgorithms().toArray(String[]::new));
        this.cache = new VerifiedTokenCache(cacheMaxEntries, rules.clockSkew());
        this.clockSkewSeconds = rules.clockSkew().toSeconds();
    }

    /** Verifies {@code token} as presented at {@code now}. */
    public TokenVerification verify(String token, Instant now) {
        if (token == null || token.isEmpty() || token.length() > rules.maxTokenLength()) {
            return TokenVerification.refused(TokenVerdict.MALFORMED);
        }
        TokenDigest digest = TokenDigest.of(token);
        TokenVerification cached = cache.find(digest);
        if (cached != null) {
            return stillValid(cached, now);
        }
        TokenVerification verified = verifySignatureAndClaims(token);
        if (verified.token() == null) {
            return verified;
        }
        TokenVerification inUse = stillValid(verified, now);
        if (inUse.isValid()) {
            cache.put(digest, verified);
        }
        return inUse;
    }

    /** Number of verified tokens cached (approximate). */
    public long cachedTokens() {
        return cache.size();
    }

    /** What can change while a verified token is in use: time, its key's publication, revocations. */
    private TokenVerification stillValid(TokenVerification verified, Instant now) {
        VerifiedAccessToken token = verified.token();
        long nowSeconds = now.getEpochSecond();
        TokenVerdict verdict;
        if (state.signingKeys().find(token.keyId()) == null) {
            verdict = TokenVerdict.UNKNOWN_SIGNING_KEY;
        } else if (nowSeconds >= token.expiresAt() + clockSkewSeconds) {
            verdict = TokenVerdict.EXPIRED;
        } else if (token.notBefore() != Long.MIN_VALUE && nowSeconds < token.notBefore() - clockSkewSeconds) {
            verdict = TokenVerdict.NOT_YET_VALID;
        } else if (state.revokedTokens().isRevoked(token.jti())) {
            verdict = TokenVerdict.REVOKED;
        } else if (state.clients().isRevoked(token.clientId())) {
            verdict = TokenVerdict.CLIENT_REVOKED;
        } else {
            return verified;
        }
        return new TokenVerification(verdict, token);
    }

    private TokenVerification verifySignatureAndClaims(String token) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setAlgorithmConstraints(algorithms);
            try {
                jws.setCompactSerialization(token);
            } catch (JoseException e) {
                return TokenVerification.refused(TokenVerdict.MALFORMED);
            }
            String algorithm = jws.getAlgorithmHeaderValue();
            if (algorithm == null || !rules.allowedAlgorithms().contains(algorithm)) {
                return TokenVerification.refused(TokenVerdict.ALGORITHM_NOT_ALLOWED);
            }
            if (!isAccessTokenType(jws.getHeader("typ"))) {
                return TokenVerification.refused(TokenVerdict.WRONG_TYPE);
            }
            VerificationKey key = state.signingKeys().find(jws.getKeyIdHeaderValue());
            if (key == null) {
                return TokenVerification.refused(TokenVerdict.UNKNOWN_SIGNING_KEY);
            }
            if (key.algorithm() != null && !key.algorithm().equals(algorithm)) {
                return TokenVerification.refused(TokenVerdict.ALGORITHM_NOT_ALLOWED);
            }
            jws.setKey(key.publicKey());
            if (!jws.verifySignature()) {
                return TokenVerification.refused(TokenVerdict.INVALID_SIGNATURE);
            }
            return checkClaims(JwtClaims.parse(jws.getPayload()), key.keyId());
        } catch (JoseException e) {
            // An unusable key for the algorithm, or an unknown critical header: nothing verified.
            return TokenVerification.refused(TokenVerdict.INVALID_SIGNATURE);
        } catch (InvalidJwtException | MalformedClaimException | RuntimeException e) {
            // A payload that is not a JSON object, or a header or claim of the wrong type.
            return TokenVerification.refused(TokenVerdict.MALFORMED);
        }
    }

    private TokenVerification checkClaims(JwtClaims claims, String keyId) throws MalformedClaimException {
        if (!rules.issuer().equals(claims.getIssuer())) {
            return TokenVerification.refused(TokenVerdict.WRONG_ISSUER);
        }
        if (!claims.hasAudience() || !claims.getAudience().contains(rules.audience())) {
            return TokenVerification.refused(TokenVerdict.WRONG_AUDIENCE);
        }
        NumericDate expiresAt = claims.getExpirationTime();
        NumericDate notBefore = claims.getNotBefore();
        String jti = claims.getJwtId();
        String clientId = claims.getStringClaimValue("client_id");
        if (clientId == null) {
            clientId = claims.getSubject(); // RFC 9068 §2.2: sub is the client's id for a client-credentials token
        }
        String tenant = claims.getStringClaimValue("tenant");
        if (expiresAt == null || isBlank(jti) || isBlank(clientId) || isBlank(tenant)) {
            return TokenVerification.refused(TokenVerdict.MALFORMED);
        }
        Caller caller = new Caller(
                CredentialKind.JWT,
                clientId,
                tenant,
                claims.getStringClaimValue("application"),
                scopes(claims.getStringClaimValue("scope")),
                null,
                null,
                null);
        return new TokenVerification(
                TokenVerdict.VALID,
                new VerifiedAccessToken(
                        keyId,
                        jti,
                        expiresAt.getValue(),
                        notBefore == null ? Long.MIN_VALUE : notBefore.getValue(),
                        caller));
    }

    /** {@code at+jwt}, also as the full media type, in any case (RFC 8725 §3.11, RFC 7515 §4.1.9). */
    private static boolean isAccessTokenType(String type) {
        if (type == null) {
            return false;
        }
        String subtype = type.regionMatches(true, 0, MEDIA_TYPE_PREFIX, 0, MEDIA_TYPE_PREFIX.length())
                ? type.substring(MEDIA_TYPE_PREFIX.length())
                : type;
        return ACCESS_TOKEN_TYPE.equals(subtype.toLowerCase(Locale.ROOT));
    }

    /** The space-separated {@code scope} claim (RFC 9068 §2.2.3) as a list. */
    private static List<String> scopes(String scope) {
        if (scope == null || scope.isBlank()) {
            return List.of();
        }
        List<String> scopes = new ArrayList<>();
        for (String value : scope.split(" ")) {
            if (!value.isEmpty()) {
                scopes.add(value);
            }
        }
        return List.copyOf(scopes);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
