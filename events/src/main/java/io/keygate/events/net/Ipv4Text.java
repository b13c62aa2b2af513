package io.keygate.events.net;

/** Strict dotted-quad IPv4 text: four decimal octets 0-255 without leading zeros. */
final class Ipv4Text {

    private Ipv4Text() {}

    static byte[] parse(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("is not an IPv4 or IPv6 address");
        }
        byte[] address = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (!parts[i].matches("0|[1-9][0-9]{0,2}") || Integer.parseInt(parts[i]) > 255) {
                throw new IllegalArgumentException("has an invalid IPv4 octet '" + parts[i] + "'");
            }
            address[i] = (byte) Integer.parseInt(parts[i]);
        }
        return address;
    }

    static String format(byte[] address) {
        return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "." + (address[3] & 0xff);
    }
}
