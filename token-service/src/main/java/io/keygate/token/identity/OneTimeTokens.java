package io.keygate.token.identity;

import io.keygate.events.credential.ApiKeyHasher;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random bearer tokens handed out once (invitations {@code kginv_}, login challenges {@code kgch_}, refresh tokens
 * {@code kgrt_}): a recognisable prefix (for secret scanners) and 256 random bits, base64url. Stored and looked up
 * only as their HMAC-SHA-256 under the service's pepper: with that entropy a keyed hash is enough.
 */
public final class OneTimeTokens {

    public static final String INVITATION = "kginv_";
    public static final String CHALLENGE = "kgch_";
    public static final String REFRESH = "kgrt_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiKeyHasher hasher;

    public OneTimeTokens(String pepper) {
        this.hasher = new ApiKeyHasher(pepper);
    }

    /** A new token with the prefix. */
    public static String newToken(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The stored form of a token (or of anything secret-ish, such as a recovery code or an account name). */
    public String hash(String token) {
        return hasher.hash(token);
    }

    /** Whether the text has the shape of a token with this prefix (cheap rejection before any lookup). */
    public static boolean looksLike(String text, String prefix) {
        return text != null && text.startsWith(prefix) && text.length() == prefix.length() + 43;
    }

    @Override
    public String toString() {
        return "OneTimeTokens[***]";
    }
}
