package io.keygate.gateway.proxy;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Normalises request paths before routing, so {@code /orders/../admin} cannot reach past a route's
 * prefix on the upstream: {@code %2E} is decoded to {@code .} and dot segments are removed (RFC 3986
 * §5.2.4). The normalised path is both matched and sent upstream. Other percent-encodings are left
 * untouched.
 */
public final class RequestPath {

    private RequestPath() {}

    /** The normalised form of a raw request path (origin form); {@code /} for none. */
    public static String normalise(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        if (!rawPath.startsWith("/") || (rawPath.indexOf('.') < 0 && rawPath.indexOf('%') < 0)) {
            return rawPath;
        }
        return removeDotSegments(decodeDots(rawPath));
    }

    private static String decodeDots(String path) {
        if (path.indexOf('%') < 0) {
            return path;
        }
        return path.replace("%2e", ".").replace("%2E", ".");
    }

    private static String removeDotSegments(String path) {
        String[] segments = path.split("/", -1);
        Deque<String> kept = new ArrayDeque<>();
        boolean endsInDirectory = false;
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.equals(".") || segment.equals("..")) {
                if (segment.equals("..") && !kept.isEmpty()) {
                    kept.removeLast();
                }
                endsInDirectory = last;
                continue;
            }
            kept.addLast(segment);
        }
        if (endsInDirectory) {
            kept.addLast("");
        }
        return "/" + String.join("/", kept);
    }
}
