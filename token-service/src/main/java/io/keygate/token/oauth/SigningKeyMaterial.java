package io.keygate.token.oauth;

import io.keygate.events.signing.PublicJwk;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Generates token-signing keys: RSA 2048 for RS256, the one algorithm RFC 9068 §4 requires every
 * conforming authorization and resource server to support, so any verifier can use our JWKS.
 */
public final class SigningKeyMaterial {

    /** The JWS algorithm of every access token. */
    public static final String ALGORITHM = "RS256";

    private static final int RSA_BITS = 2048;

    private SigningKeyMaterial() {}

    /** A new key id: {@code sk_} and 128 random bits in hex. */
    public static String newKeyId(SecureRandom random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return "sk_" + HexFormat.of().formatHex(bytes);
    }

    /** A new RSA key pair (CPU-bound: tens to hundreds of milliseconds; call it off the event loop). */
    public static KeyPair newKeyPair(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(new RSAKeyGenParameterSpec(RSA_BITS, RSAKeyGenParameterSpec.F4), random);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException | java.security.InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("RSA key generation unavailable", e);
        }
    }

    /** The public half as a JWK (RFC 7518 §6.3.1). */
    public static PublicJwk toJwk(String keyId, RSAPublicKey key) {
        return new PublicJwk(
                "RSA", keyId, "sig", ALGORITHM, base64Url(key.getModulus()), base64Url(key.getPublicExponent()));
    }

    /** Unsigned big-endian bytes, base64url without padding, as JWK integers are written. */
    static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
