package io.keygate.events.canonical;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The attribute and field values in exactly the form Keygate's producers write them. Each method accepts a subset of
 * what the general readers (the CloudEvents SDK, {@code java.util.UUID}, Jackson's {@code InstantDeserializer})
 * accept, and gives the same value for it; anything else is {@linkplain NotCanonicalException not canonical}. Fast
 * readers of Keygate's own records use them to skip the general readers' work and garbage, and hand anything not
 * canonical to those readers.
 */
public final class CanonicalText {

    private static final int SHORTEST_INSTANT = "2026-01-01T00:00:00Z".length();
    private static final int LONGEST_INSTANT = "2026-01-01T00:00:00.123456789Z".length();
    private static final int UUID_LENGTH = 36;
    private static final int LONGEST_SEQUENCE = 18;

    private CanonicalText() {}

    /**
     * µs since the epoch, rounded down, of an instant written as {@code Instant.toString} does for the years 0000 to
     * 9999: {@code 2026-11-29T10:15:30Z} or with 1 to 9 fraction digits. Leap seconds, {@code 24:00}, offsets other
     * than {@code Z} and other leniencies of the general parsers are not canonical.
     */
    public static long instantMicros(CharSequence text) throws NotCanonicalException {
        return epochSecond(text) * 1_000_000L + fractionNanos(text) / 1_000;
    }

    /** The instant {@link #instantMicros} reads, to the nanosecond, as the general parsers read it. */
    public static Instant instant(CharSequence text) throws NotCanonicalException {
        return Instant.ofEpochSecond(epochSecond(text), fractionNanos(text));
    }

    /** Checks the whole text and reads its whole seconds since the epoch. */
    private static long epochSecond(CharSequence text) throws NotCanonicalException {
        int length = text.length();
        if (length != SHORTEST_INSTANT && (length < SHORTEST_INSTANT + 2 || length > LONGEST_INSTANT)) {
            throw NotCanonicalException.INSTANCE;
        }
        expect(text, 4, '-');
        expect(text, 7, '-');
        expect(text, 10, 'T');
        expect(text, 13, ':');
        expect(text, 16, ':');
        expect(text, length - 1, 'Z');
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (hour > 23 || minute > 59 || second > 59) {
            throw NotCanonicalException.INSTANCE;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            throw NotCanonicalException.INSTANCE;
        }
        return epochDay * 86_400 + hour * 3_600L + minute * 60L + second;
    }

    /** The fraction of the second of a text whose length is checked, in nanoseconds (0 without a fraction). */
    private static int fractionNanos(CharSequence text) throws NotCanonicalException {
        int length = text.length();
        if (length == SHORTEST_INSTANT) {
            return 0;
        }
        expect(text, 19, '.');
        int fractionDigits = length - SHORTEST_INSTANT - 1;
        int nanos = digits(text, 20, fractionDigits);
        for (int i = fractionDigits; i < 9; i++) {
            nanos *= 10;
        }
        return nanos;
    }

    /** An event id as UUIDv7s are written: 36 characters, lower- or upper-case hex digits and four dashes. */
    public static boolean isCanonicalUuid(byte[] text) {
        if (text.length != UUID_LENGTH) {
            return false;
        }
        for (int i = 0; i < UUID_LENGTH; i++) {
            byte b = text[i];
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? b != '-' : Character.digit(b, 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * A source as Keygate's services name themselves ({@code /token-service}): a path of unreserved characters that is
     * a valid relative URI. A leading {@code //} would start an authority and is left to the general reader.
     */
    public static boolean isCanonicalSource(byte[] text) {
        if (text.length < 2 || text[0] != '/' || text[1] == '/') {
            return false;
        }
        for (byte b : text) {
            boolean unreserved = (b >= 'a' && b <= 'z')
                    || (b >= 'A' && b <= 'Z')
                    || (b >= '0' && b <= '9')
                    || b == '-'
                    || b == '.'
                    || b == '_'
                    || b == '~'
                    || b == '/';
            if (!unreserved) {
                return false;
            }
        }
        return true;
    }

    /** An aggregate sequence: 1 to 18 decimal digits, no sign (so never negative, never overflowing). */
    public static long sequence(byte[] text) throws NotCanonicalException {
        if (text.length == 0 || text.length > LONGEST_SEQUENCE) {
            throw NotCanonicalException.INSTANCE;
        }
        long value = 0;
        for (byte b : text) {
            if (b < '0' || b > '9') {
                throw NotCanonicalException.INSTANCE;
            }
            value = value * 10 + (b - '0');
        }
        return value;
    }

    private static void expect(CharSequence text, int index, char expected) throws NotCanonicalException {
        if (text.charAt(index) != expected) {
            throw NotCanonicalException.INSTANCE;
        }
    }

    private static int digits(CharSequence text, int from, int count) throws NotCanonicalException {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw NotCanonicalException.INSTANCE;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
