package io.keygate.analytics.rollup;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** The bucket sizes rollups are kept at: every call is counted once in each. */
public enum Granularity {
    MINUTE(ChronoUnit.MINUTES),
    HOUR(ChronoUnit.HOURS),
    DAY(ChronoUnit.DAYS);

    private final ChronoUnit unit;
    private final String columnValue;

    Granularity(ChronoUnit unit) {
        this.unit = unit;
        this.columnValue = name().toLowerCase(Locale.ROOT);
    }

    /** The start of the bucket holding {@code at} (UTC). */
    public Instant bucketOf(Instant at) {
        return at.truncatedTo(unit);
    }

    /** The length of a bucket. */
    public ChronoUnit unit() {
        return unit;
    }

    /** The name stored in the {@code granularity} column and accepted by the reports API. */
    public String columnValue() {
        return columnValue;
    }

    /** The granularity named {@code value} ({@code minute}, {@code hour}, {@code day}), case-insensitive. */
    public static Granularity parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
