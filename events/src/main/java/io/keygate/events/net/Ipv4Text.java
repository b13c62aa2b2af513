package io.keygate.events.net;

/** Strict dotted-quad IPv4 text: four decimal octets 0-255 without leading zeros. */
final class Ipv4Text {

    private Ipv4Text() {}

    /**
     * Parses dotted-quad text in one pass, without splitting or regular expressions: the gateway parses every
     * client's address on every request.
     */
    static byte[] parse(String text) {
        byte[] address = new byte[4];
        int octet = 0;
        int start = 0;
        int length = text.length();
        for (int i = 0; i <= length; i++) {
            if (i < length && text.charAt(i) != '.') {
                continue;
            }
            if (octet == 4) {
                throw new IllegalArgumentException("is not an IPv4 or IPv6 address");
            }
            address[octet++] = (byte) octetValue(text, start, i);
            start = i + 1;
        }
        if (octet != 4) {
            throw new IllegalArgumentException("is not an IPv4 or IPv6 address");
        }
        return address;
    }

    /** The octet in {@code text[start, end)}: 1-3 digits, no leading zero, at most 255. */
    private static int octetValue(String text, int start, int end) {
        int digits = end - start;
        boolean valid = digits >= 1 && digits <= 3 && (digits == 1 || text.charAt(start) != '0');
        int value = 0;
        for (int i = start; valid && i < end; i++) {
            char c = text.charAt(i);
            valid = c >= '0' && c <= '9';
            value = value * 10 + (c - '0');
        }
        if (!valid || value > 255) {
            throw new IllegalArgumentException("has an invalid IPv4 octet '" + text.substring(start, end) + "'");
        }
        return value;
    }

    static String format(byte[] address) {
        return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "." + (address[3] & 0xff);
    }
}
