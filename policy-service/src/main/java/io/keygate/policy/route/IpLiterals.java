package io.keygate.policy.route;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** IP address literals as they appear in URLs, parsed without ever resolving a name. */
final class IpLiterals {

    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final Pattern DOTTED_QUAD = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    /**
     * Hosts that some resolvers read as IPv4 addresses although they are not dotted quads: {@code 2130706433},
     * {@code 0x7f.1}, {@code 127.1}, {@code 0177.0.0.1}. A route naming one is refused rather than guessed at.
     */
    private static final Pattern NUMERIC_HOST = Pattern.compile("(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+))*\\.?");

    private IpLiterals() {}

    /** The address {@code host} is a literal of (IPv4 dotted quad, or IPv6 with or without brackets), or null. */
    static InetAddress parse(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!h.contains(":") && !DOTTED_QUAD.matcher(h).matches()) {
            return null;
        }
        try {
            // A literal (checked above: a dotted quad, or a string with a colon, which Java parses as IPv6 and
            // never looks up) is converted without any DNS query.
            return InetAddress.getByName(h);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Whether {@code host} looks numeric (so a resolver may read it as an address) without being a dotted quad. */
    static boolean isAmbiguousNumeric(String host) {
        return NUMERIC_HOST.matcher(host).matches()
                && !DOTTED_QUAD.matcher(host).matches();
    }
}
