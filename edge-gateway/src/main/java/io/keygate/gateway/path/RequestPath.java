package io.keygate.gateway.path;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Puts request paths into the one form that is both matched (routes, scope rules) and sent upstream (route prefixes
 * and scope patterns are put into it too, when they are applied), so that a path
 * cannot mean one thing to the gateway and another to the upstream: percent-encoded unreserved characters are decoded
 * (RFC 3986 §6.2.2.2: {@code /orders/%34%32/%72efunds} is {@code /orders/42/refunds}), the hex digits of the encodings
 * left are upper-cased (§6.2.2.1), and dot segments are removed (§5.2.4; {@code RequestShape} refuses paths with dot
 * segments before any check, this is the second line). Other percent-encodings stay encoded.
 */
public final class RequestPath {

    private RequestPath() {}

    /** The normalised form of a raw request path (origin form); {@code /} for none. */
    public static String normalise(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        if (!rawPath.startsWith("/")) {
            return rawPath;
        }
        String path = rawPath.indexOf('%') < 0 ? rawPath : decodeUnreserved(rawPath);
        return hasDotSegment(path) ? removeDotSegments(path) : path;
    }

    /** Decodes {@code %XX} of ALPHA, DIGIT, {@code - . _ ~}; upper-cases the hex digits of every other one. */
    private static String decodeUnreserved(String path) {
        StringBuilder out = new StringBuilder(path.length());
        int length = path.length();
        for (int i = 0; i < length; i++) {
            char c = path.charAt(i);
            int value = c == '%' && i + 2 < length ? hexValue(path.charAt(i + 1), path.charAt(i + 2)) : -1;
            if (value < 0) {
                out.append(c);
            } else if (isUnreserved(value)) {
                out.append((char) value);
                i += 2;
            } else {
                out.append('%')
                        .append(Character.toUpperCase(path.charAt(i + 1)))
                        .append(Character.toUpperCase(path.charAt(i + 2)));
                i += 2;
            }
        }
        return out.toString();
    }

    private static int hexValue(char high, char low) {
        int h = Character.digit(high, 16);
        int l = Character.digit(low, 16);
        return h < 0 || l < 0 ? -1 : h * 16 + l;
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
    }

    /** Whether a segment of {@code path} is {@code .} or {@code ..}. */
    private static boolean hasDotSegment(String path) {
        int dot = path.indexOf('.');
        while (dot >= 0) {
            int start = path.lastIndexOf('/', dot) + 1;
            int end = path.indexOf('/', dot);
            int length = (end < 0 ? path.length() : end) - start;
            if ((length == 1 || length == 2) && path.charAt(start) == '.' && path.charAt(start + length - 1) == '.') {
                return true;
            }
            dot = end < 0 ? -1 : path.indexOf('.', end);
        }
        return false;
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
