package io.keygate.gateway.jwt;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The SHA-256 of a token, as the key of the verified-token cache: the cache never holds a bearer token, only
 * what it hashes to. Four longs compare and hash without allocating.
 */
record TokenDigest(long first, long second, long third, long fourth) {

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(TokenDigest::sha256);

    /** The digest of {@code token} (ASCII: the shape check let only base64url and dots through). */
    static TokenDigest of(String token) {
        byte[] hash = SHA_256.get().digest(token.getBytes(StandardCharsets.ISO_8859_1));
        ByteBuffer words = ByteBuffer.wrap(hash);
        return new TokenDigest(words.getLong(), words.getLong(), words.getLong(), words.getLong());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
