package io.keygate.policy.route;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * A CIDR range of IPv4 or IPv6 addresses, e.g. {@code 10.0.0.0/8} or {@code fd00::/8}.
 *
 * @param network the range's first address bytes (4 or 16)
 * @param bits    prefix length
 */
public record IpRange(byte[] network, int bits) {

    /**
     * Parses CIDR notation; the address part must be a literal (no name is resolved).
     *
     * @throws IllegalArgumentException if it is not CIDR notation
     */
    public static IpRange parse(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("Not a CIDR range: " + cidr);
        }
        InetAddress address = IpLiterals.parse(cidr.substring(0, slash).trim());
        if (address == null) {
            throw new IllegalArgumentException("Not a CIDR range: " + cidr);
        }
        byte[] bytes = address.getAddress();
        int bits;
        try {
            bits = Integer.parseInt(cidr.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a CIDR range: " + cidr, e);
        }
        if (bits < 0 || bits > bytes.length * 8) {
            throw new IllegalArgumentException("Prefix length out of range: " + cidr);
        }
        return new IpRange(bytes, bits);
    }

    /** Whether the address lies in this range (an IPv4 address is never in an IPv6 range, and vice versa). */
    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int full = bits / 8;
        if (!Arrays.equals(bytes, 0, full, network, 0, full)) {
            return false;
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (bytes[full] & mask) == (network[full] & mask);
    }
}
