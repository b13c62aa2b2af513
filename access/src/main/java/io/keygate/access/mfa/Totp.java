package io.keygate.access.mfa;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * TOTP (RFC 6238) as authenticator apps use it: HMAC-SHA-1, 6 digits, 30-second steps from the Unix epoch. A code is
 * accepted for the current step and one step either side (clock drift), and only for a step later than the last one
 * accepted for the user, so no code works twice.
 */
public final class Totp {

    public static final int DIGITS = 6;
    public static final long STEP_SECONDS = 30;
    /** Steps accepted either side of the current one. */
    public static final int WINDOW = 1;

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private final Clock clock;
    private final int digits;
    private final String algorithm;

    /** The authenticator-app profile on {@code clock}. */
    public Totp(Clock clock) {
        this(clock, DIGITS, "HmacSHA1");
    }

    /** Another profile, e.g. the RFC's 8-digit test vectors. */
    Totp(Clock clock, int digits, String algorithm) {
        this.clock = clock;
        this.digits = digits;
        this.algorithm = algorithm;
    }

    /** The step an instant falls in. */
    public static long stepAt(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), STEP_SECONDS);
    }

    /** The code of a step, zero-padded. */
    public String codeAt(byte[] secret, long step) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret, "RAW"));
            byte[] hmac = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hmac[hmac.length - 1] & 0x0f;
            int binary = ((hmac[offset] & 0x7f) << 24)
                    | ((hmac[offset + 1] & 0xff) << 16)
                    | ((hmac[offset + 2] & 0xff) << 8)
                    | (hmac[offset + 3] & 0xff);
            String code = Integer.toString(binary % POWERS[digits]);
            return "0".repeat(digits - code.length()) + code;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " unavailable", e);
        }
    }

    /**
     * The step the code matches, if it matches one within the window around now that is later than
     * {@code lastAcceptedStep}; empty otherwise (wrong, too old, or already used).
     *
     * @param lastAcceptedStep the step of the last code accepted for this secret, or {@code Long.MIN_VALUE} for none
     */
    public OptionalLong verify(byte[] secret, String code, long lastAcceptedStep) {
        if (code == null || code.length() != digits || !code.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        long now = stepAt(clock.instant());
        OptionalLong matched = OptionalLong.empty();
        // Every step in the window is computed, so the time taken does not tell which one matched.
        for (long step = now - WINDOW; step <= now + WINDOW; step++) {
            boolean equal = MessageDigest.isEqual(codeAt(secret, step).getBytes(), code.getBytes());
            if (equal && step > lastAcceptedStep && matched.isEmpty()) {
                matched = OptionalLong.of(step);
            }
        }
        return matched;
    }
}
