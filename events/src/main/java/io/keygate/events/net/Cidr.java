package io.keygate.events.net;

import java.util.Arrays;

/**
 * An IPv4 or IPv6 network in CIDR notation, parsed strictly and printed in one canonical form so that
 * allow-lists compare and deduplicate by text: IPv4 as a dotted quad, IPv6 as RFC 5952 (lower case,
 * longest zero run as {@code ::}).
 *
 * <p>Rules, chosen so that a typo never silently widens or shifts an allow-list:
 * <ul>
 * <li>An address without a prefix is a single host ({@code /32} or {@code /128}).</li>
 * <li>Host bits set ({@code 10.0.0.1/8}) are <b>refused</b>, naming the network the caller probably
 *     meant, rather than masked: the entry is ambiguous (a host or its network?).</li>
 * <li>IPv4-mapped IPv6 ({@code ::ffff:192.0.2.0/120}) is normalised to IPv4 ({@code 192.0.2.0/24}),
 *     since dual-stack sockets report IPv4 clients either way; its prefix must be at least {@code /96}.</li>
 * <li>No leading zeros in IPv4 octets or prefixes (some parsers read them as octal), no zone ids, no
 *     whitespace, no host names (nothing is ever resolved).</li>
 * </ul>
 */
public final class Cidr {

    private static final int MAX_TEXT_LENGTH = 64;
    private static final byte[] MAPPED_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};

    private final byte[] network;
    private final int prefixLength;

    private Cidr(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /**
     * Parses and normalises a CIDR.
     *
     * @throws IllegalArgumentException with a message safe to show the caller
     */
    public static Cidr parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("must not be empty");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("is too long to be a CIDR");
        }
        int slash = text.indexOf('/');
        String addressText = slash < 0 ? text : text.substring(0, slash);
        byte[] address = addressText.indexOf(':') >= 0 ? Ipv6Text.parse(addressText) : Ipv4Text.parse(addressText);
        int bits = address.length * 8;
        int prefix = slash < 0 ? bits : prefixLength(text.substring(slash + 1), bits);
        if (address.length == 16 && startsWith(address, MAPPED_PREFIX)) {
            if (prefix < 96) {
                throw new IllegalArgumentException("an IPv4-mapped network needs a prefix of at least /96");
            }
            address = Arrays.copyOfRange(address, 12, 16);
            prefix -= 96;
        }
        byte[] masked = mask(address, prefix);
        if (!Arrays.equals(masked, address)) {
            throw new IllegalArgumentException("has host bits set; did you mean " + new Cidr(masked, prefix) + "?");
        }
        return new Cidr(masked, prefix);
    }

    /** Whether this is an IPv4 network. */
    public boolean isIpv4() {
        return network.length == 4;
    }

    /** The network's address bytes (4 or 16), a copy. */
    public byte[] networkBytes() {
        return network.clone();
    }

    /** Number of leading bits that identify the network. */
    public int prefixLength() {
        return prefixLength;
    }

    /** Whether {@code address} (4 or 16 bytes; IPv4-mapped IPv6 counts as IPv4) lies in this network. */
    public boolean contains(byte[] address) {
        byte[] candidate = address.length == 16 && startsWith(address, MAPPED_PREFIX)
                ? Arrays.copyOfRange(address, 12, 16)
                : address;
        return candidate.length == network.length && Arrays.equals(mask(candidate, prefixLength), network);
    }

    /**
     * Whether every address of {@code other} lies in this network (same family, a prefix at least as long, and
     * its network inside this one). A network contains itself.
     */
    public boolean contains(Cidr other) {
        return other.network.length == network.length
                && other.prefixLength >= prefixLength
                && Arrays.equals(mask(other.network, prefixLength), network);
    }

    /** Whether the two networks share an address; for CIDRs that means one contains the other. */
    public boolean overlaps(Cidr other) {
        return contains(other) || other.contains(this);
    }

    /** The canonical text, e.g. {@code 203.0.113.0/24} or {@code 2001:db8::/32}. */
    @Override
    public String toString() {
        return (isIpv4() ? Ipv4Text.format(network) : Ipv6Text.format(network)) + "/" + prefixLength;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr cidr && cidr.prefixLength == prefixLength && Arrays.equals(cidr.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    private static int prefixLength(String text, int maxBits) {
        if (!text.matches("0|[1-9][0-9]{0,2}")) {
            throw new IllegalArgumentException("has an invalid prefix length '" + text + "'");
        }
        int prefix = Integer.parseInt(text);
        if (prefix > maxBits) {
            throw new IllegalArgumentException("has a prefix length over /" + maxBits);
        }
        return prefix;
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] masked = address.clone();
        for (int i = 0; i < masked.length; i++) {
            int bitsInByte = Math.max(0, Math.min(8, prefix - i * 8));
            masked[i] = (byte) (masked[i] & (0xff << (8 - bitsInByte)));
        }
        return masked;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
