package io.keygate.token.identity.mfa;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recovery codes: each replaces a TOTP code once. 10 per user, 12 base32 characters each (60 bits) shown as
 * {@code ABCD-EFGH-JKLM}; stored only as keyed hashes of their normalised form (upper case, no separators).
 */
public final class RecoveryCodes {

    public static final int COUNT = 10;
    public static final int LENGTH = 12;

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryCodes() {}

    /** {@link #COUNT} new codes as shown to the user. */
    public static List<String> generate() {
        List<String> codes = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < LENGTH; c++) {
                if (c > 0 && c % 4 == 0) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            codes.add(code.toString());
        }
        return codes;
    }

    /** The form that is hashed: upper case without spaces or dashes; null if it cannot be a recovery code. */
    public static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH) {
            return null;
        }
        for (char c : code.toCharArray()) {
            if (ALPHABET.indexOf(c) < 0) {
                return null;
            }
        }
        return code;
    }
}
