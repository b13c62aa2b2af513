package io.keygate.events.credential;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The API key format: {@code kg_<environment>_<33 base62 chars: 192 random bits><6 base62 chars: CRC32>}.
 * The fixed prefix lets secret scanners find leaked keys; the checksum lets them, and anyone else,
 * reject a typo or a random look-alike offline, without asking Keygate. It lives in the event contract
 * library so gateways, SDKs and scanners share one definition.
 *
 * <p>Secret scanners: match {@link #SCANNER_REGEX}, then confirm with {@link #isWellFormed} (one CRC32) to
 * drop look-alikes before reporting.
 */
public final class ApiKeyFormat {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final long BASE = ALPHABET.length();
    private static final int RANDOM_BYTES = 24;
    private static final int RANDOM_CHARS = 33;
    private static final int CHECKSUM_CHARS = 6;
    private static final Pattern ENVIRONMENT = Pattern.compile("[a-z]{2,8}");
    private static final Pattern SHAPE =
            Pattern.compile("kg_([a-z]{2,8})_([0-9A-Za-z]{" + (RANDOM_CHARS + CHECKSUM_CHARS) + "})");

    /** A regular expression that finds candidate keys in text (confirm each with {@link #isWellFormed}). */
    public static final String SCANNER_REGEX =
            "\\bkg_[a-z]{2,8}_[0-9A-Za-z]{" + (RANDOM_CHARS + CHECKSUM_CHARS) + "}\\b";

    private ApiKeyFormat() {}

    /** A new key for an environment label such as {@code live} or {@code test}. */
    public static String generate(String environment, SecureRandom random) {
        if (!ENVIRONMENT.matcher(environment).matches()) {
            throw new IllegalArgumentException("Environment label must be 2-8 lowercase letters");
        }
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        String body = "kg_" + environment + "_" + base62(bytes, RANDOM_CHARS);
        return body + checksum(body);
    }

    /** Whether a string has the shape of a Keygate API key and a valid checksum. */
    public static boolean isWellFormed(String candidate) {
        if (candidate == null || !SHAPE.matcher(candidate).matches()) {
            return false;
        }
        int split = candidate.length() - CHECKSUM_CHARS;
        return checksum(candidate.substring(0, split)).equals(candidate.substring(split));
    }

    /**
     * The display form: the prefix and the last four characters, e.g. {@code kg_live_…wXyZ}: enough to tell keys
     * apart and to match a leaked key to its entry, nothing of the random part (the last four are the checksum's).
     */
    public static String mask(String key) {
        int randomStart = key.indexOf('_', 3) + 1;
        return key.substring(0, randomStart) + "…" + key.substring(key.length() - 4);
    }

    private static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        return base62(
                new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value},
                CHECKSUM_CHARS);
    }

    /** {@code bigEndian} as an unsigned number in exactly {@code width} base62 digits, most significant first. */
    private static String base62(byte[] bigEndian, int width) {
        // Long division by 62 over 32-bit limbs: the same digits as BigInteger arithmetic, without its garbage.
        int[] limbs = new int[(bigEndian.length + 3) / 4];
        int padding = limbs.length * 4 - bigEndian.length;
        for (int i = 0; i < bigEndian.length; i++) {
            int position = i + padding;
            limbs[position / 4] |= (bigEndian[i] & 0xff) << (8 * (3 - position % 4));
        }
        char[] out = new char[width];
        for (int i = width - 1; i >= 0; i--) {
            long remainder = 0;
            for (int j = 0; j < limbs.length; j++) {
                long current = (remainder << 32) | (limbs[j] & 0xffffffffL);
                limbs[j] = (int) (current / BASE);
                remainder = current % BASE;
            }
            out[i] = ALPHABET.charAt((int) remainder);
        }
        for (int limb : limbs) {
            if (limb != 0) {
                throw new IllegalStateException("Value does not fit in " + width + " base62 digits");
            }
        }
        return new String(out);
    }
}
