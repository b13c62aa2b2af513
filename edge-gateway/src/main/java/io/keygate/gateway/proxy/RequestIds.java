package io.keygate.gateway.proxy;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids: a client's {@code X-Request-Id} is kept when it is sane (1–128 characters of letters,
 * digits and {@code - _ . :}), so a trace can start at the client; anything else is replaced.
 */
public final class RequestIds {

    /** The request-id header, sent upstream and back to the client. */
    public static final String HEADER = "X-Request-Id";

    private static final int MAX_LENGTH = 128;

    private RequestIds() {}

    /** {@code incoming} when it is a sane id, else a new one. */
    public static String acceptOrGenerate(String incoming) {
        return isSane(incoming) ? incoming : generate();
    }

    /** Whether a client-supplied id can be passed on and logged as it is. */
    public static boolean isSane(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == ':';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /** A random (version 4) UUID from a thread-local generator: unique enough, lock-free and cheap. */
    public static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
