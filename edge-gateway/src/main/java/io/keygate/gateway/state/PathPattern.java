package io.keygate.gateway.state;

import io.keygate.gateway.path.RequestPath;
import java.util.ArrayList;
import java.util.List;

/**
 * A path pattern of a scope requirement, matched segment by segment without a regular expression (it runs on every
 * request): {@code *} is exactly one non-empty segment, {@code **} any number of segments (none included), anything
 * else is a literal segment, matched ignoring case. A request path matches when the whole of it is consumed; one
 * trailing slash is not significant ({@code /orders/42/refunds/} is matched as {@code /orders/42/refunds}).
 *
 * <p>Patterns guard paths (a scope is required where one matches), so wherever servers differ, the pattern matches
 * the wider set: many frameworks route case-insensitively (Express, ASP.NET) or ignore a trailing slash.
 */
public final class PathPattern {

    private static final String ONE = "*";
    private static final String ANY = "**";

    /** Per segment: {@link #ONE}, {@link #ANY}, or the literal with its leading slash. */
    private final String[] segments;

    private final String source;

    private PathPattern(String[] segments, String source) {
        this.segments = segments;
        this.source = source;
    }

    /** Compiles a pattern such as {@code /orders/*}{@code /items/**}. */
    public static PathPattern compile(String pattern) {
        List<String> compiled = new ArrayList<>();
        // In the form request paths are matched in; a trailing slash is not significant on either side. A pattern
        // without a leading slash (or empty) covers the root only.
        String canonical = pattern.startsWith("/") ? RequestPath.normalise(pattern) : "/";
        if (canonical.length() > 1 && canonical.endsWith("/")) {
            canonical = canonical.substring(0, canonical.length() - 1);
        }
        String[] parts = canonical.split("/", -1);
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            compiled.add(part.equals(ANY) ? ANY : part.equals(ONE) ? ONE : "/" + part);
        }
        if (compiled.isEmpty()) {
            // An empty pattern (or one without a slash) covers the root only.
            compiled.add("/");
        }
        return new PathPattern(compiled.toArray(String[]::new), pattern);
    }

    /** Whether the whole of {@code path} matches. */
    public boolean matches(String path) {
        if (path.length() > 1 && path.charAt(path.length() - 1) == '/' && matches(0, path, 0, path.length() - 1)) {
            return true;
        }
        return matches(0, path, 0, path.length());
    }

    private boolean matches(int segment, String path, int at, int end) {
        if (segment == segments.length) {
            return at == end;
        }
        String expected = segments[segment];
        if (expected.equals(ANY)) {
            // Zero segments, or one more (possibly empty) segment and again.
            if (matches(segment + 1, path, at, end)) {
                return true;
            }
            while (at < end && path.charAt(at) == '/') {
                at = endOfSegment(path, at, end);
                if (matches(segment + 1, path, at, end)) {
                    return true;
                }
            }
            return false;
        }
        if (expected.equals(ONE)) {
            if (at >= end || path.charAt(at) != '/') {
                return false;
            }
            int segmentEnd = endOfSegment(path, at, end);
            return segmentEnd > at + 1 && matches(segment + 1, path, segmentEnd, end);
        }
        int next = at + expected.length();
        return next <= end
                && path.regionMatches(true, at, expected, 0, expected.length())
                && (next == end || path.charAt(next) == '/')
                && matches(segment + 1, path, next, end);
    }

    /** The index of the slash that ends the segment starting with the slash at {@code slash}, or {@code end}. */
    private static int endOfSegment(String path, int slash, int end) {
        int next = path.indexOf('/', slash + 1);
        return next < 0 || next > end ? end : next;
    }

    @Override
    public String toString() {
        return source;
    }
}
