package io.keygate.gateway.proxy;

import io.keygate.gateway.check.Rejection;
import io.vertx.core.MultiMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a request must look like before the gateway looks any further, so that it and the upstream can never read
 * one request two ways: an allowed method; a path without dot segments, encoded slashes or backslashes, double
 * encoding, NUL or broken percent-encoding; exactly one valid {@code Host}; and unambiguous framing (never both
 * {@code Content-Length} and {@code Transfer-Encoding}, one {@code Content-Length}, only {@code chunked}).
 */
public final class RequestShape {

    /** The methods the gateway proxies; anything else (TRACE, CONNECT, extensions) is 405. */
    public static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    /**
     * The ASCII characters allowed in a raw path: letters, digits, unreserved and sub-delims punctuation but {@code ;},
     * {@code : @ /} and {@code %}. A table: it is looked up for every character of every path.
     */
    private static final boolean[] PATH_CHARS = pathChars("-._~!$&'()*+,=:@/%");

    private static final int MAX_LABEL = 63;
    private static final int MAX_PORT_DIGITS = 5;
    private static final int MAX_LENGTH_DIGITS = 18;

    private RequestShape() {}

    /** Why the request is refused, or null if its shape is sound. */
    public static Rejection check(String method, String rawPath, MultiMap headers) {
        if (!METHODS.contains(method)) {
            return Rejection.METHOD_NOT_ALLOWED;
        }
        if (!isSoundPath(rawPath)) {
            return Rejection.MALFORMED_REQUEST;
        }
        List<String> hosts = headers.getAll("Host");
        // RFC 9112 §3.2: exactly one Host, valid, or 400.
        if (hosts.size() != 1) {
            return Rejection.MALFORMED_REQUEST;
        }
        String host = hosts.get(0);
        if (host.length() > 255 || !isValidHost(host)) {
            return Rejection.MALFORMED_REQUEST;
        }
        List<String> lengths = headers.getAll("Content-Length");
        List<String> encodings = headers.getAll("Transfer-Encoding");
        if (lengths.size() > 1 || (!lengths.isEmpty() && !encodings.isEmpty())) {
            return Rejection.MALFORMED_REQUEST;
        }
        if (encodings.size() > 1
                || (encodings.size() == 1 && !encodings.get(0).strip().equalsIgnoreCase("chunked"))) {
            return Rejection.MALFORMED_REQUEST;
        }
        if (lengths.size() == 1 && !isDigits(lengths.get(0).strip(), MAX_LENGTH_DIGITS)) {
            return Rejection.MALFORMED_REQUEST;
        }
        return null;
    }

    /**
     * Whether a {@code Host} value is a DNS name (labels of 1-63 letters, digits and inner hyphens, optionally ending
     * in a dot) or a bracketed IPv6 literal, with an optional port of up to five digits. Scanned by hand: it runs on
     * every request.
     */
    static boolean isValidHost(String host) {
        int end = host.length();
        int colon = host.lastIndexOf(':');
        if (colon >= 0 && (host.charAt(0) != '[' || colon > host.lastIndexOf(']'))) {
            if (!isDigits(host.substring(colon + 1), MAX_PORT_DIGITS)) {
                return false;
            }
            end = colon;
        }
        if (end > 0 && host.charAt(0) == '[') {
            return isIpLiteral(host, end);
        }
        return isDnsName(host, end);
    }

    private static boolean isIpLiteral(String host, int end) {
        if (end < 3 || host.charAt(end - 1) != ']') {
            return false;
        }
        for (int i = 1; i < end - 1; i++) {
            char c = host.charAt(i);
            if (!(isHex(c) || c == ':' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDnsName(String host, int end) {
        if (end > 1 && host.charAt(end - 1) == '.') {
            end--;
        }
        int labelStart = 0;
        for (int i = 0; i <= end; i++) {
            if (i == end || host.charAt(i) == '.') {
                int length = i - labelStart;
                if (length < 1 || length > MAX_LABEL || host.charAt(labelStart) == '-' || host.charAt(i - 1) == '-') {
                    return false;
                }
                labelStart = i + 1;
            } else {
                char c = host.charAt(i);
                if (!(isAlphanumeric(c) || c == '-')) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isDigits(String value, int maxDigits) {
        if (value.isEmpty() || value.length() > maxDigits) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /**
     * Whether a raw (still encoded) origin-form path is one every server reads the same way. Refused: dot segments
     * (also encoded), encoded slashes and backslashes, double encoding ({@code %25}), NUL, broken encodings, any
     * character outside RFC 3986's path characters (control characters, {@code #}, non-ASCII), empty segments ({@code //}: merged by some servers, kept by others) and {@code ;} (path parameters:
     * Tomcat and Jetty drop them before routing, {@code /x/..;/admin} is {@code /admin} there) — as Spring Security's
     * strict firewall refuses them.
     */
    static boolean isSoundPath(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/") || rawPath.indexOf('\\') >= 0) {
            return false;
        }
        char previous = 0;
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (!isPathChar(c) || (c == '/' && previous == '/')) {
                return false;
            }
            previous = c;
            if (c == '%') {
                if (i + 2 >= rawPath.length() || !isHex(rawPath.charAt(i + 1)) || !isHex(rawPath.charAt(i + 2))) {
                    return false;
                }
                String encoded = rawPath.substring(i + 1, i + 3).toUpperCase(Locale.ROOT);
                // %2F and %5C are slashes in disguise, %25 is double encoding, %00 ends strings in C upstreams, %3B
                // is a path parameter's semicolon to servers that decode before they split.
                if (encoded.equals("2F")
                        || encoded.equals("5C")
                        || encoded.equals("25")
                        || encoded.equals("00")
                        || encoded.equals("3B")) {
                    return false;
                }
            }
        }
        return !hasDotSegment(rawPath);
    }

    /**
     * Whether {@code c} may appear in a raw path: RFC 3986's pchar (unreserved, sub-delims, {@code :} and {@code @}),
     * {@code /} and the {@code %} of an encoding, but not {@code ;} (above). Anything else, such as {@code #} (a
     * fragment to servers that cut the path there), {@code "}, {@code <}, {@code [} or a byte above ASCII, would be
     * read differently by different servers.
     */
    private static boolean isPathChar(char c) {
        return c < PATH_CHARS.length && PATH_CHARS[c];
    }

    private static boolean[] pathChars(String punctuation) {
        boolean[] allowed = new boolean[128];
        for (char c = 0; c < allowed.length; c++) {
            allowed[c] = isAlphanumeric(c) || punctuation.indexOf(c) >= 0;
        }
        return allowed;
    }

    /** Whether a segment of a raw path is {@code .} or {@code ..}, with any of its dots encoded as {@code %2E}. */
    private static boolean hasDotSegment(String rawPath) {
        int start = 1;
        while (start <= rawPath.length()) {
            int end = rawPath.indexOf('/', start);
            if (end < 0) {
                end = rawPath.length();
            }
            if (isDots(rawPath, start, end)) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    /** Whether {@code rawPath[start, end)} is one or two dots, each literal or {@code %2E}. */
    private static boolean isDots(String rawPath, int start, int end) {
        int dots = 0;
        int i = start;
        while (i < end) {
            if (rawPath.charAt(i) == '.') {
                i++;
            } else if (rawPath.startsWith("%2", i)) {
                if (i + 2 >= end || Character.toUpperCase(rawPath.charAt(i + 2)) != 'E') {
                    return false;
                }
                i += 3;
            } else {
                return false;
            }
            dots++;
        }
        return dots == 1 || dots == 2;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
