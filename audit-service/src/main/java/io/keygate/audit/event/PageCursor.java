package io.keygate.audit.event;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Position after an event in the trail's stable order {@code (occurredAt, eventId)}. Clients get it as
 * an opaque string and must not build one; the encoding may change.
 *
 * @param occurredAt the last returned event's time (microsecond precision, as stored)
 * @param eventId    the last returned event's id
 */
public record PageCursor(Instant occurredAt, UUID eventId) {

    private static final String VERSION = "1";

    /** The opaque text form. */
    public String encode() {
        long micros = Math.addExact(
                Math.multiplyExact(occurredAt.getEpochSecond(), 1_000_000L), occurredAt.getNano() / 1_000);
        String plain = VERSION + ":" + micros + ":" + eventId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Reads a cursor from its text form.
     *
     * @throws InvalidParameterException ({@code after}) for anything this class did not produce
     */
    public static PageCursor decode(String text) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
            String[] parts = plain.split(":", -1);
            if (parts.length != 3 || !VERSION.equals(parts[0])) {
                throw invalid();
            }
            long micros = Long.parseLong(parts[1]);
            Instant at = Instant.ofEpochSecond(
                    Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
            return new PageCursor(at, UUID.fromString(parts[2]));
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            throw invalid();
        }
    }

    private static InvalidParameterException invalid() {
        return new InvalidParameterException("after", "is not a cursor returned by this API");
    }
}
