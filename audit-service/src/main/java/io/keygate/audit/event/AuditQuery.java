package io.keygate.audit.event;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A page request on the trail: equality filters on columns, a time range, a page size and the cursor to continue
 * after. Items come in the stable order {@code (time, id)}. Built from the query parameters as the client sent
 * them; every invalid parameter is reported by its name.
 *
 * @param filters column = value conditions, all of which must hold
 * @param from    only items at or after this instant, or null
 * @param to      only items before this instant, or null
 * @param limit   page size, {@value #MIN_LIMIT}..{@value #MAX_LIMIT} (exports read pages of {@value #EXPORT_PAGE})
 * @param after   continue after this position, or null for the first page
 */
public record AuditQuery(List<Filter> filters, Instant from, Instant to, int limit, PageCursor after) {

    public static final int MIN_LIMIT = 1;
    public static final int MAX_LIMIT = 500;
    public static final int DEFAULT_LIMIT = 100;
    /** Rows per database round trip of an export. */
    public static final int EXPORT_PAGE = 1000;

    private static final int MAX_FILTER_LENGTH = 1024;

    public AuditQuery {
        filters = List.copyOf(filters);
    }

    /**
     * One condition.
     *
     * @param column the column (a name from code, never from input)
     * @param value  the value it must equal (String or Integer)
     */
    public record Filter(String column, Object value) {}

    /** A query that continues after {@code cursor} with {@code limit} rows. */
    public AuditQuery continuing(PageCursor cursor, int limit) {
        return new AuditQuery(filters, from, to, limit, cursor);
    }

    /** Starts parsing query parameters. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects the parameters; throws {@link InvalidParameterException} naming the first bad one. */
    public static final class Builder {

        private final List<Filter> filters = new ArrayList<>();
        private Instant from;
        private Instant to;
        private int limit = DEFAULT_LIMIT;
        private PageCursor after;

        private Builder() {}

        /** Parameter {@code name}, when present, must equal column {@code column}. */
        public Builder text(String name, String column, String value) {
            if (value != null) {
                if (value.isBlank() || value.length() > MAX_FILTER_LENGTH) {
                    throw new InvalidParameterException(
                            name, "must be 1 to " + MAX_FILTER_LENGTH + " characters, not blank");
                }
                filters.add(new Filter(column, value));
            }
            return this;
        }

        /** An integer parameter from {@code min} to {@code max}. */
        public Builder integer(String name, String column, String value, int min, int max) {
            if (value != null) {
                filters.add(new Filter(column, integerIn(name, value, min, max)));
            }
            return this;
        }

        /** The time range {@code [from, to)}, both optional ISO-8601 instants. */
        public Builder range(String fromValue, String toValue) {
            from = instant("from", fromValue);
            to = instant("to", toValue);
            if (from != null && to != null && !from.isBefore(to)) {
                throw new InvalidParameterException("to", "must be after from");
            }
            return this;
        }

        /** The page size. */
        public Builder limit(String value) {
            if (value != null) {
                limit = integerIn("limit", value, MIN_LIMIT, MAX_LIMIT);
            }
            return this;
        }

        /** The cursor of the previous page. */
        public Builder after(String value) {
            after = value == null ? null : PageCursor.decode(value);
            return this;
        }

        public AuditQuery build() {
            return new AuditQuery(filters, from, to, limit, after);
        }

        private static int integerIn(String name, String value, int min, int max) {
            try {
                int n = Integer.parseInt(value);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // Reported below like an out-of-range number.
            }
            throw new InvalidParameterException(name, "must be an integer from " + min + " to " + max);
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
    }
}
