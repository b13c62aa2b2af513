package io.keygate.token.identity.mfa;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals TOTP secrets at rest with AES-256-GCM (like the signing keys' {@code PrivateKeyCipher}), under the configured
 * key-encryption key, with {@code totp:<user id>} as associated data: a sealed secret cannot be moved to another user
 * or mistaken for a signing key. A database dump alone does not give anyone a user's codes.
 */
public final class SecretSealer {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** @param base64Key 32 bytes, base64 */
    public SecretSealer(String base64Key) {
        byte[] bytes = Base64.getDecoder().decode(base64Key == null ? "" : base64Key.trim());
        if (bytes.length != 32) {
            throw new IllegalArgumentException("The sealing key must be 32 bytes (base64)");
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    /** IV followed by ciphertext and tag. */
    public byte[] seal(String userId, byte[] secret) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, userId, iv).doFinal(secret);
            return ByteBuffer.allocate(IV_BYTES + sealed.length)
                    .put(iv)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal the TOTP secret of " + userId, e);
        }
    }

    /** The secret sealed by {@link #seal} for the same user; fails if altered or sealed for another user. */
    public byte[] open(String userId, byte[] sealed) {
        try {
            return cipher(Cipher.DECRYPT_MODE, userId, Arrays.copyOf(sealed, IV_BYTES))
                    .doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot open the TOTP secret of " + userId, e);
        }
    }

    private Cipher cipher(int mode, String userId, byte[] iv) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(("totp:" + userId).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    @Override
    public String toString() {
        return "SecretSealer[key=***]";
    }
}
