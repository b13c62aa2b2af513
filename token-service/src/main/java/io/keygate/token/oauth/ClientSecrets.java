package io.keygate.token.oauth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Client ids and secrets. A secret is {@code kgcs_} + 256 random bits in base64url: the prefix lets
 * secret scanners recognise a leaked one, the entropy makes a keyed HMAC a sufficient stored hash.
 */
public final class ClientSecrets {

    /** Prefix of every client secret. */
    public static final String SECRET_PREFIX = "kgcs_";
    /** Shape of a client id. */
    public static final String CLIENT_ID = "kgc_[0-9a-f]{32}";

    private static final int SECRET_BYTES = 32;

    private ClientSecrets() {}

    /** A new client id (not secret). */
    public static String newClientId(SecureRandom random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return "kgc_" + HexFormat.of().formatHex(bytes);
    }

    /** A new client secret. */
    public static String newSecret(SecureRandom random) {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Display form: the prefix, the first and the last four characters, e.g. {@code kgcs_AbCd…wXyZ}. */
    public static String mask(String secret) {
        String body = secret.substring(SECRET_PREFIX.length());
        return SECRET_PREFIX + body.substring(0, 4) + "…" + body.substring(body.length() - 4);
    }
}
