package io.keygate.analytics.report;

import java.util.Locale;

/** What the top consumers are ranked by. */
public enum ConsumerDimension {
    KEY("key_id"),
    ROUTE("route_id"),
    APPLICATION("application_id");

    private final String column;

    ConsumerDimension(String column) {
        this.column = column;
    }

    /** The {@code call_rollup} column holding the id (a constant: safe to put in SQL text). */
    public String column() {
        return column;
    }

    /** The dimension named {@code value} ({@code key}, {@code route}, {@code application}), case-insensitive. */
    public static ConsumerDimension parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
