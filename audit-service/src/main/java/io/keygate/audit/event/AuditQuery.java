package io.keygate.audit.event;

import java.time.DateTimeException;
import java.time.Instant;

/**
 * A page request on the audit trail: optional filters, a page size and the cursor to continue after.
 * Events come in the stable order {@code (occurredAt, eventId)}.
 *
 * @param tenantId only this tenant's events, or null
 * @param type     only this CloudEvents type, or null
 * @param subject  only events of this aggregate, or null
 * @param from     only events at or after this instant, or null
 * @param to       only events before this instant, or null
 * @param limit    page size, {@value #MIN_LIMIT}..{@value #MAX_LIMIT}
 * @param after    continue after this position, or null for the first page
 */
public record AuditQuery(
        String tenantId, String type, String subject, Instant from, Instant to, int limit, PageCursor after) {

    public static final int MIN_LIMIT = 1;
    public static final int MAX_LIMIT = 500;
    public static final int DEFAULT_LIMIT = 100;
    private static final int MAX_FILTER_LENGTH = 1024;

    /**
     * Parses the query parameters as the client sent them (null when absent).
     *
     * @throws InvalidParameterException naming the first invalid parameter
     */
    public static AuditQuery parse(
            String tenantId, String type, String subject, String from, String to, String limit, String after) {
        Instant fromInstant = instant("from", from);
        Instant toInstant = instant("to", to);
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            throw new InvalidParameterException("to", "must be after from");
        }
        return new AuditQuery(
                filter("tenantId", tenantId),
                filter("type", type),
                filter("subject", subject),
                fromInstant,
                toInstant,
                limit(limit),
                after == null ? null : PageCursor.decode(after));
    }

    private static String filter(String name, String value) {
        if (value == null) {
            return null;
        }
        if (value.isBlank() || value.length() > MAX_FILTER_LENGTH) {
            throw new InvalidParameterException(name, "must be 1 to " + MAX_FILTER_LENGTH + " characters, not blank");
        }
        return value;
    }

    private static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeException e) {
            throw new InvalidParameterException(name, "must be an ISO-8601 instant, e.g. 2026-01-31T12:00:00Z");
        }
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= MIN_LIMIT && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // Reported below like an out-of-range number.
        }
        throw new InvalidParameterException("limit", "must be an integer from " + MIN_LIMIT + " to " + MAX_LIMIT);
    }
}
