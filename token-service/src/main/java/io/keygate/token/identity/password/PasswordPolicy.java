package io.keygate.token.identity.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a new password must be (NIST SP 800-63B §5.1.1.2): at least 12 characters (code points), at most 128, not a
 * commonly used password (the bundled deny list, compared without case), and not containing the local part of the
 * user's e-mail address. No composition rules.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    /** Local parts shorter than this are too common a substring to refuse (e.g. {@code jo}). */
    private static final int MIN_LOCAL_PART = 3;

    private static final String DENY_LIST = "/io/keygate/token/identity/common-passwords.txt";

    private final Set<String> denied;

    PasswordPolicy(Set<String> denied) {
        this.denied = Set.copyOf(denied);
    }

    /** The policy with the bundled deny list. */
    public static PasswordPolicy withBundledDenyList() {
        Set<String> denied = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(DENY_LIST);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    denied.add(entry.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PasswordPolicy(denied);
    }

    /** How many entries the deny list has. */
    public int deniedCount() {
        return denied.size();
    }

    /**
     * Why the password is refused, or empty if it is acceptable. The message never repeats the password.
     *
     * @param email the user's e-mail address (may be null)
     */
    public Optional<String> refusal(String password, String email) {
        if (password == null) {
            return Optional.of("is required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (denied.contains(lower)) {
            return Optional.of("is a commonly used password");
        }
        if (email != null) {
            int at = email.indexOf('@');
            String localPart = (at < 0 ? email : email.substring(0, at)).toLowerCase(Locale.ROOT);
            if (localPart.length() >= MIN_LOCAL_PART && lower.contains(localPart)) {
                return Optional.of("must not contain the e-mail address's name");
            }
        }
        return Optional.empty();
    }
}
