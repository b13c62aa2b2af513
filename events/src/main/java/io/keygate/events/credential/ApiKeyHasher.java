package io.keygate.events.credential;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hash under which API keys are stored and published: HMAC-SHA-256 over the key's UTF-8
 * bytes with a server-side pepper, base64url-encoded without padding. The token-service stores it,
 * events carry it, gateways compute it for each presented key and look it up. The pepper never leaves
 * configuration, so a leaked event or database row does not let anyone test guesses offline.
 *
 * <p>Thread-safe: each thread gets its own {@link Mac}.
 */
public final class ApiKeyHasher {

    private static final String ALGORITHM = "HmacSHA256";
    /** Below 32 bytes the pepper is weaker than the hash it keys. */
    public static final int MIN_PEPPER_BYTES = 32;

    private final SecretKeySpec pepper;
    private final ThreadLocal<Mac> macs;

    public ApiKeyHasher(String pepper) {
        if (pepper == null || pepper.getBytes(StandardCharsets.UTF_8).length < MIN_PEPPER_BYTES) {
            throw new IllegalArgumentException("API key pepper must be at least " + MIN_PEPPER_BYTES + " bytes");
        }
        this.pepper = new SecretKeySpec(pepper.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** The keyed hash of a presented or newly generated API key. */
    public String hash(String apiKey) {
        Mac mac = macs.get();
        byte[] digest = mac.doFinal(apiKey.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(pepper);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA-256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "ApiKeyHasher[pepper=***]";
    }
}
