package io.keygate.gateway.proxy;

import io.keygate.gateway.check.Rejection;
import io.vertx.core.MultiMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a request must look like before the gateway looks any further, so that it and the upstream can never read
 * one request two ways: an allowed method; a path without dot segments, encoded slashes or backslashes, double
 * encoding, NUL or broken percent-encoding; a valid {@code Host}; and unambiguous framing (never both
 * {@code Content-Length} and {@code Transfer-Encoding}, one {@code Content-Length}, only {@code chunked}).
 */
public final class RequestShape {

    /** The methods the gateway proxies; anything else (TRACE, CONNECT, extensions) is 405. */
    public static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private static final Pattern HOST = Pattern.compile(
            "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?"
                    + "|\\[[0-9A-Fa-f:.]+\\])(?::[0-9]{1,5})?");

    private static final Pattern CONTENT_LENGTH = Pattern.compile("[0-9]{1,18}");

    private RequestShape() {}

    /** Why the request is refused, or null if its shape is sound. */
    public static Rejection check(String method, String rawPath, MultiMap headers) {
        if (!METHODS.contains(method)) {
            return Rejection.METHOD_NOT_ALLOWED;
        }
        if (!isSoundPath(rawPath)) {
            return Rejection.MALFORMED_REQUEST;
        }
        String host = headers.get("Host");
        if (host == null || host.length() > 255 || !HOST.matcher(host).matches()) {
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
        if (lengths.size() == 1
                && !CONTENT_LENGTH.matcher(lengths.get(0).strip()).matches()) {
            return Rejection.MALFORMED_REQUEST;
        }
        return null;
    }

    /** Whether a raw (still encoded) origin-form path is one every server reads the same way. */
    static boolean isSoundPath(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/") || rawPath.indexOf('\\') >= 0) {
            return false;
        }
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c < 0x21 || c == 0x7f) {
                return false;
            }
            if (c == '%') {
                if (i + 2 >= rawPath.length() || !isHex(rawPath.charAt(i + 1)) || !isHex(rawPath.charAt(i + 2))) {
                    return false;
                }
                String encoded = rawPath.substring(i + 1, i + 3).toUpperCase(Locale.ROOT);
                // %2F and %5C are slashes in disguise, %25 is double encoding, %00 ends strings in C upstreams.
                if (encoded.equals("2F") || encoded.equals("5C") || encoded.equals("25") || encoded.equals("00")) {
                    return false;
                }
            }
        }
        for (String segment : rawPath.split("/", -1)) {
            String decoded = segment.replace("%2e", ".").replace("%2E", ".");
            if (decoded.equals(".") || decoded.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
