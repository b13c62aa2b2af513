package io.keygate.events.net;

import java.util.ArrayList;
import java.util.List;

/**
 * Who the client is: the TCP peer, unless the peer is one of the configured trusted proxies, in which case it
 * walks {@code X-Forwarded-For} from the right (the entries the trusted proxies appended) past every
 * trusted address and takes the first one that is not. Entries a client wrote itself, to the left, are never
 * believed. An entry that is not an address makes the client unknown (null), which the IP checks refuse. Shared by
 * the edge gateway (IP rules) and the token-service (login throttling per client address).
 */
public final class ClientAddresses {

    private final List<Cidr> trustedProxies;

    /** @param trustedProxies networks of the proxies in front of the service; empty to trust none */
    public ClientAddresses(List<Cidr> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    /** From configuration text, e.g. {@code ["10.0.0.0/8", "2001:db8::/32"]}. */
    public static ClientAddresses trusting(List<String> networks) {
        return new ClientAddresses(networks.stream().map(Cidr::parse).toList());
    }

    /**
     * The client's address as text, or null if unknown.
     *
     * @param peer          the TCP peer's address, or null
     * @param forwardedFors the {@code X-Forwarded-For} header values, in the order received
     */
    public String resolve(String peer, List<String> forwardedFors) {
        if (peer == null || trustedProxies.isEmpty() || !isTrusted(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String value : forwardedFors) {
            for (String hop : value.split(",")) {
                hops.add(withoutPort(hop.strip()));
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0 && isTrusted(client); i--) {
            client = hops.get(i);
            if (bytesOf(client) == null) {
                return null;
            }
        }
        return client;
    }

    /**
     * A hop without the port some proxies append ({@code 203.0.113.9:41234}, {@code [2001:db8::1]:443}) and without
     * the brackets of an IPv6 literal; any other text as it is (a bare IPv6 address has more than one colon).
     */
    static String withoutPort(String hop) {
        if (hop.startsWith("[")) {
            int close = hop.indexOf(']');
            if (close < 0) {
                return hop;
            }
            String rest = hop.substring(close + 1);
            return rest.isEmpty() || isPort(rest) ? hop.substring(1, close) : hop;
        }
        int colon = hop.indexOf(':');
        if (colon > 0 && colon == hop.lastIndexOf(':') && isPort(hop.substring(colon))) {
            return hop.substring(0, colon);
        }
        return hop;
    }

    /** Whether {@code text} is a colon and 1-5 digits. */
    private static boolean isPort(String text) {
        if (text.length() < 2 || text.length() > 6 || text.charAt(0) != ':') {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private boolean isTrusted(String address) {
        byte[] bytes = bytesOf(address);
        if (bytes == null) {
            return false;
        }
        for (Cidr proxy : trustedProxies) {
            if (proxy.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] bytesOf(String address) {
        if (address.isEmpty() || address.indexOf('/') >= 0) {
            return null;
        }
        try {
            return Cidr.parse(address).networkBytes();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
