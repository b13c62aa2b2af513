package io.keygate.gateway.jwt;

import io.keygate.events.signing.PublicJwk;
import io.keygate.events.signing.SigningKeyState;
import io.keygate.events.signing.SigningKeyStatus;
import java.security.interfaces.RSAPublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * The JWKS the gateway verifies access tokens with, built from the signing-key events: {@code kid} → public key,
 * parsed once per event. A retired key is dropped at once (the token-service retires a key only after every token
 * it signed expired). A key's retirement is remembered by its sequence, so a replayed publication cannot bring it
 * back.
 *
 * <p>One writer (the state consumer) applies events; request threads read without locks.
 */
public final class SigningKeyIndex {

    /** Smallest RSA modulus accepted (RFC 7518 §3.3). */
    static final int MIN_RSA_BITS = 2048;

    private final Map<String, VerificationKey> byKeyId = new ConcurrentHashMap<>();
    private final Map<String, Long> appliedSequences = new ConcurrentHashMap<>();

    /**
     * Records a signing key's state at an aggregate sequence.
     *
     * @return false when the sequence is not newer than the one already applied for the key (a replay or a
     *         duplicate), which leaves the index unchanged
     * @throws IllegalArgumentException when a published key is not a usable RSA signature key (the index is left
     *                                  as it was)
     */
    public boolean apply(SigningKeyState key, long sequence) {
        Long previous = appliedSequences.get(key.keyId());
        if (previous != null && sequence <= previous) {
            return false;
        }
        if (key.status() == SigningKeyStatus.PUBLISHED) {
            byKeyId.put(key.keyId(), parse(key.keyId(), key.publicKey()));
        } else {
            byKeyId.remove(key.keyId());
        }
        appliedSequences.put(key.keyId(), sequence);
        return true;
    }

    /** The published key named {@code keyId}, or null when it is unknown or retired. */
    public VerificationKey find(String keyId) {
        return keyId == null ? null : byKeyId.get(keyId);
    }

    /** Number of published keys. */
    public int size() {
        return byKeyId.size();
    }

    private static VerificationKey parse(String keyId, PublicJwk jwk) {
        if (!keyId.equals(jwk.kid())) {
            throw new IllegalArgumentException("Signing key " + keyId + " carries a JWK with another kid");
        }
        if (jwk.use() != null && !"sig".equals(jwk.use())) {
            throw new IllegalArgumentException("Signing key " + keyId + " is not for signatures: use " + jwk.use());
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("kty", jwk.kty());
        parameters.put("kid", jwk.kid());
        parameters.put("n", jwk.n());
        parameters.put("e", jwk.e());
        try {
            if (!(JsonWebKey.Factory.newJwk(parameters) instanceof PublicJsonWebKey publicJwk)
                    || !(publicJwk.getPublicKey() instanceof RSAPublicKey rsa)) {
                throw new IllegalArgumentException("Signing key " + keyId + " is not an RSA public key");
            }
            if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
                throw new IllegalArgumentException(
                        "Signing key " + keyId + " is shorter than " + MIN_RSA_BITS + " bits");
            }
            return new VerificationKey(keyId, jwk.alg(), rsa);
        } catch (JoseException e) {
            throw new IllegalArgumentException("Signing key " + keyId + " is not a readable JWK: " + e.getMessage(), e);
        }
    }
}
