package io.keygate.token.oauth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts private signing keys at rest with AES-256-GCM under a key-encryption key from configuration.
 * The key id is the associated data, so a stored key cannot be swapped under another id unnoticed.
 * A database dump alone does not let anyone sign tokens.
 */
public final class PrivateKeyCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** @param base64Key 32 bytes, base64 */
    public PrivateKeyCipher(String base64Key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key == null ? "" : base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Signing-key encryption key must be base64");
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException("Signing-key encryption key must be 32 bytes (base64)");
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    /** IV followed by ciphertext and tag. */
    public byte[] encrypt(String keyId, PrivateKey privateKey) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keyId, iv);
            byte[] sealed = cipher.doFinal(privateKey.getEncoded());
            return ByteBuffer.allocate(IV_BYTES + sealed.length)
                    .put(iv)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt signing key " + keyId, e);
        }
    }

    /** The RSA private key sealed by {@link #encrypt}; fails if it was altered or sealed under another id. */
    public PrivateKey decrypt(String keyId, byte[] sealed) {
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, keyId, java.util.Arrays.copyOf(sealed, IV_BYTES));
            byte[] pkcs8 = cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot decrypt signing key " + keyId, e);
        }
    }

    private Cipher cipher(int mode, String keyId, byte[] iv) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    @Override
    public String toString() {
        return "PrivateKeyCipher[key=***]";
    }
}
