package io.keygate.token.oauth.service;

import io.keygate.events.signing.PublicJwk;
import io.keygate.token.oauth.config.OAuthConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;

/**
 * Verifies our own access tokens for introspection: RS256 only (so {@code alg: none} and HS256 signed
 * with a public key are refused before any key is used), a {@code kid} in our current key set,
 * {@code typ: at+jwt}, our issuer and audience, and not expired.
 */
@ApplicationScoped
public class AccessTokenVerifier {

    private final SigningKeyService signingKeys;
    private final OAuthConfig config;

    AccessTokenVerifier(SigningKeyService signingKeys, OAuthConfig config) {
        this.signingKeys = signingKeys;
        this.config = config;
    }

    /** The token's claims if it is one of ours and valid now; empty for anything else. */
    public Uni<Optional<JwtClaims>> verify(String token) {
        if (token == null || token.isEmpty() || token.length() > 8192) {
            return Uni.createFrom().item(Optional.empty());
        }
        return signingKeys.keySet().map(keys -> {
            try {
                return Optional.of(consumer(keys).processToClaims(token));
            } catch (InvalidJwtException | RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    private JwtConsumer consumer(List<PublicJwk> keys) {
        return new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(
                        AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setExpectedType(true, AccessTokenIssuer.ACCESS_TOKEN_TYPE)
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(toJose(keys)))
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireJwtId()
                .setRequireSubject()
                .setExpectedIssuer(config.issuer())
                .setExpectedAudience(config.audience())
                .build();
    }

    private static List<JsonWebKey> toJose(List<PublicJwk> keys) {
        List<JsonWebKey> jose = new ArrayList<>();
        for (PublicJwk jwk : keys) {
            RsaJsonWebKey key = new RsaJsonWebKey((java.security.interfaces.RSAPublicKey) rsa(jwk));
            key.setKeyId(jwk.kid());
            key.setAlgorithm(jwk.alg());
            key.setUse(jwk.use());
            jose.add(key);
        }
        return jose;
    }

    private static PublicKey rsa(PublicJwk jwk) {
        try {
            Base64.Decoder decoder = Base64.getUrlDecoder();
            return KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(
                            new BigInteger(1, decoder.decode(jwk.n())), new BigInteger(1, decoder.decode(jwk.e()))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unusable public key " + jwk.kid(), e);
        }
    }
}
