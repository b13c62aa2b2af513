package io.keygate.gateway.jwt;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What a JWT access token must satisfy besides its signature.
 *
 * @param issuer            the only {@code iss} accepted (the token-service's {@code keygate.oauth.issuer})
 * @param audience          a value the token's {@code aud} must contain (the token-service's
 *                          {@code keygate.oauth.audience})
 * @param allowedAlgorithms JWS algorithms accepted; asymmetric RSA ones only ({@link #SUPPORTED_ALGORITHMS})
 * @param clockSkew         tolerance on {@code exp} and {@code nbf}, at most {@link RevokedAccessTokens#KEPT_AFTER_EXPIRY}
 * @param maxTokenLength    longest token parsed at all, characters
 */
public record AccessTokenRules(
        String issuer, String audience, Set<String> allowedAlgorithms, Duration clockSkew, int maxTokenLength) {

    /**
     * The algorithms the signing-key events can carry keys for (RSA public keys). {@code none} and the HMAC family
     * are never accepted: an HMAC "verified" with a public key would let anyone who read the JWKS sign tokens.
     */
    public static final Set<String> SUPPORTED_ALGORITHMS = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512");

    public AccessTokenRules {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
        allowedAlgorithms = Set.copyOf(allowedAlgorithms);
        if (allowedAlgorithms.isEmpty() || !SUPPORTED_ALGORITHMS.containsAll(allowedAlgorithms)) {
            throw new IllegalArgumentException("JWT algorithms must be a non-empty subset of " + SUPPORTED_ALGORITHMS
                    + ", not " + allowedAlgorithms);
        }
        if (clockSkew.isNegative() || clockSkew.compareTo(RevokedAccessTokens.KEPT_AFTER_EXPIRY) > 0) {
            throw new IllegalArgumentException("JWT clock skew must be between 0 and "
                    + RevokedAccessTokens.KEPT_AFTER_EXPIRY + ", not " + clockSkew);
        }
        if (maxTokenLength < 256) {
            throw new IllegalArgumentException("JWT max token length must be at least 256, not " + maxTokenLength);
        }
    }
}
