package io.keygate.events.net;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** IPv6 text (RFC 4291 §2.2, with an optional dotted IPv4 tail) and its RFC 5952 canonical form. */
final class Ipv6Text {

    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern HEXTET = Pattern.compile("[0-9A-Fa-f]{1,4}");

    private Ipv6Text() {}

    static byte[] parse(String text) {
        if (!IPV6_CHARACTERS.matcher(text).matches()) {
            throw new IllegalArgumentException("is not an IPv4 or IPv6 address");
        }
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            throw new IllegalArgumentException("has more than one '::'");
        }
        List<Integer> head = groups(gap < 0 ? text : text.substring(0, gap), gap < 0);
        List<Integer> tail = gap < 0 ? List.of() : groups(text.substring(gap + 2), true);
        int missing = 8 - head.size() - tail.size();
        if (gap < 0 ? missing != 0 : missing < 1) {
            throw new IllegalArgumentException("does not have eight IPv6 groups");
        }
        List<Integer> all = new ArrayList<>(head);
        for (int i = 0; gap >= 0 && i < missing; i++) {
            all.add(0);
        }
        all.addAll(tail);
        byte[] address = new byte[16];
        for (int i = 0; i < 8; i++) {
            address[2 * i] = (byte) (all.get(i) >> 8);
            address[2 * i + 1] = (byte) (int) all.get(i);
        }
        return address;
    }

    /** Groups of one side of a {@code ::}; only the last side may end in a dotted IPv4 address. */
    private static List<Integer> groups(String text, boolean mayEndInIpv4) {
        List<Integer> groups = new ArrayList<>();
        if (text.isEmpty()) {
            return groups;
        }
        String[] parts = text.split(":", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i == parts.length - 1 && mayEndInIpv4 && part.indexOf('.') >= 0) {
                byte[] ipv4 = Ipv4Text.parse(part);
                groups.add(((ipv4[0] & 0xff) << 8) | (ipv4[1] & 0xff));
                groups.add(((ipv4[2] & 0xff) << 8) | (ipv4[3] & 0xff));
            } else if (HEXTET.matcher(part).matches()) {
                groups.add(Integer.parseInt(part, 16));
            } else {
                throw new IllegalArgumentException("has an invalid IPv6 group '" + part + "'");
            }
        }
        return groups;
    }

    static String format(byte[] address) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1; // RFC 5952 §4.2.2: a single zero group is not compressed
        for (int start = 0; start < 8; ) {
            int end = start;
            while (end < 8 && groups[end] == 0) {
                end++;
            }
            if (end - start > bestLength) {
                bestStart = start;
                bestLength = end - start;
            }
            start = Math.max(end, start + 1);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }
}
