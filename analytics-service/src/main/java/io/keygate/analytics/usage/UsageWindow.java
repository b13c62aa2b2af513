package io.keygate.analytics.usage;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The time range of a usage report: minutes whose bucket overlaps {@code [from, to)}.
 *
 * @param from start, inclusive
 * @param to   end, exclusive
 */
public record UsageWindow(Instant from, Instant to) {

    /** The first minute bucket in the window (the one holding {@code from}). */
    public Instant firstMinute() {
        return from.truncatedTo(ChronoUnit.MINUTES);
    }

    /**
     * Parses the {@code from} and {@code to} parameters (null when absent): {@code to} defaults to
     * {@code now}, {@code from} to {@code defaultRange} before {@code to}.
     *
     * @throws InvalidParameterException naming the first invalid parameter
     */
    public static UsageWindow parse(String from, String to, Instant now, Duration defaultRange, Duration maxRange) {
        Instant end = to == null ? now : instant("to", to);
        Instant start = from == null ? end.minus(defaultRange) : instant("from", from);
        if (!start.isBefore(end)) {
            throw new InvalidParameterException("to", "must be after from (to defaults to now)");
        }
        if (Duration.between(start, end).compareTo(maxRange) > 0) {
            throw new InvalidParameterException("from", "must be at most " + maxRange.toDays() + " days before to");
        }
        return new UsageWindow(start, end);
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeException e) {
            throw new InvalidParameterException(name, "must be an ISO-8601 instant, e.g. 2026-01-31T12:00:00Z");
        }
    }
}
