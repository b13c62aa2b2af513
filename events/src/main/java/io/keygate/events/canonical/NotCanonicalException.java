package io.keygate.events.canonical;

/**
 * A record is not in the exact shape a fast reader reads: the caller reads it the general way instead. Thrown for
 * unusual and malformed records alike, so it carries no stack trace (it is control flow, not an error).
 */
public final class NotCanonicalException extends Exception {

    private static final long serialVersionUID = 1L;

    public static final NotCanonicalException INSTANCE = new NotCanonicalException();

    private NotCanonicalException() {
        super("not in the canonical shape", null, false, false);
    }

    /** Throws {@link #INSTANCE} unless {@code canonical}. */
    public static void requireCanonical(boolean canonical) throws NotCanonicalException {
        if (!canonical) {
            throw INSTANCE;
        }
    }
}
