package io.keygate.token.identity.mfa;

import io.keygate.access.mfa.Base32;
import io.keygate.access.mfa.Totp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * A new TOTP secret as an authenticator app takes it: 160 random bits (RFC 4226 §4's recommended length), base32,
 * and the {@code otpauth://totp/} URI (Google Authenticator key-URI format) with its QR code.
 *
 * @param secret     the raw secret
 * @param base32     the secret as the user types it
 * @param otpauthUri the URI the QR code holds
 */
public record TotpEnrolment(byte[] secret, String base32, String otpauthUri) {

    public static final int SECRET_BYTES = 20;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A fresh secret for the account {@code email} under the issuer label (e.g. {@code Keygate}). */
    public static TotpEnrolment generate(String issuer, String email) {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return of(secret, issuer, email);
    }

    /** The enrolment of a known secret. */
    public static TotpEnrolment of(byte[] secret, String issuer, String email) {
        String base32 = Base32.encode(secret);
        String label = encode(issuer) + ":" + encode(email);
        String uri = "otpauth://totp/" + label + "?secret=" + base32 + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
        return new TotpEnrolment(secret.clone(), base32, uri);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "TotpEnrolment[***]";
    }
}
