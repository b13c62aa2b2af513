package io.keygate.gateway.state;

import java.util.ArrayList;
import java.util.List;

/**
 * A path pattern of a scope requirement, matched segment by segment without a regular expression (it runs on every
 * request): {@code *} is exactly one non-empty segment, {@code **} any number of segments (none included), anything
 * else is a literal segment. A request path matches when the whole of it is consumed.
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
        String[] parts = pattern.split("/", -1);
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
        return matches(0, path, 0);
    }

    private boolean matches(int segment, String path, int at) {
        if (segment == segments.length) {
            return at == path.length();
        }
        String expected = segments[segment];
        if (expected.equals(ANY)) {
            // Zero segments, or one more (possibly empty) segment and again.
            if (matches(segment + 1, path, at)) {
                return true;
            }
            while (at < path.length() && path.charAt(at) == '/') {
                at = endOfSegment(path, at);
                if (matches(segment + 1, path, at)) {
                    return true;
                }
            }
            return false;
        }
        if (expected.equals(ONE)) {
            if (at >= path.length() || path.charAt(at) != '/') {
                return false;
            }
            int end = endOfSegment(path, at);
            return end > at + 1 && matches(segment + 1, path, end);
        }
        return path.startsWith(expected, at) && matches(segment + 1, path, at + expected.length());
    }

    /** The index of the slash that ends the segment starting with the slash at {@code slash}, or the path's end. */
    private static int endOfSegment(String path, int slash) {
        int next = path.indexOf('/', slash + 1);
        return next < 0 ? path.length() : next;
    }

    @Override
    public String toString() {
        return source;
    }
}
