package io.keygate.access.session;

import io.keygate.events.signing.PublicJwk;
import io.keygate.events.signing.SigningKeyState;
import io.keygate.events.signing.SigningKeyStatus;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The token-service's published signing keys, from {@code keygate.signing-keys}: {@code kid} → RSA public key. A
 * retired key is dropped, so nothing it signed verifies any more.
 */
public final class SigningKeys {

    /** Smallest RSA modulus accepted (RFC 7518 §3.3). */
    static final int MIN_RSA_BITS = 2048;

    private final Map<String, RSAPublicKey> byKeyId = new ConcurrentHashMap<>();

    /**
     * Applies a key's latest state.
     *
     * @throws IllegalArgumentException when a published key is not a usable RSA signature key (nothing changes)
     */
    public void apply(SigningKeyState key) {
        if (key.status() == SigningKeyStatus.PUBLISHED) {
            byKeyId.put(key.keyId(), rsaPublicKey(key.keyId(), key.publicKey()));
        } else {
            byKeyId.remove(key.keyId());
        }
    }

    /** The published key named {@code keyId}, or null. */
    public RSAPublicKey find(String keyId) {
        return keyId == null ? null : byKeyId.get(keyId);
    }

    /** How many keys are published. */
    public int size() {
        return byKeyId.size();
    }

    static RSAPublicKey rsaPublicKey(String keyId, PublicJwk jwk) {
        if (!"RSA".equals(jwk.kty()) || !keyId.equals(jwk.kid()) || (jwk.use() != null && !"sig".equals(jwk.use()))) {
            throw new IllegalArgumentException("Signing key " + keyId + " is not an RSA signature key with its kid");
        }
        try {
            Base64.Decoder base64url = Base64.getUrlDecoder();
            RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(
                            new BigInteger(1, base64url.decode(jwk.n())),
                            new BigInteger(1, base64url.decode(jwk.e()))));
            if (key.getModulus().bitLength() < MIN_RSA_BITS) {
                throw new IllegalArgumentException(
                        "Signing key " + keyId + " is shorter than " + MIN_RSA_BITS + " bits");
            }
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Signing key " + keyId + " is not a readable RSA key", e);
        }
    }
}
