package io.keygate.gateway.ip;

import io.keygate.events.net.Cidr;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Values filed under networks, found by address: one walk down the address's bits visits every network that
 * contains it, however many networks there are. Built once, then only read (the owner swaps whole tries).
 *
 * @param <T> what is filed under a network
 */
public final class CidrTrie<T> {

    private final Node<T> ipv4 = new Node<>();
    private final Node<T> ipv6 = new Node<>();

    private static final class Node<T> {
        private Node<T> zero;
        private Node<T> one;
        private List<T> values;
    }

    /** Files {@code value} under {@code network}. */
    public void add(Cidr network, T value) {
        byte[] bytes = network.networkBytes();
        Node<T> node = bytes.length == 4 ? ipv4 : ipv6;
        for (int bit = 0; bit < network.prefixLength(); bit++) {
            if (isSet(bytes, bit)) {
                node = node.one == null ? (node.one = new Node<>()) : node.one;
            } else {
                node = node.zero == null ? (node.zero = new Node<>()) : node.zero;
            }
        }
        if (node.values == null) {
            node.values = new ArrayList<>(1);
        }
        node.values.add(value);
    }

    /** Calls {@code action} with every value filed under a network containing {@code address} (4 or 16 bytes). */
    public void forEachContaining(byte[] address, Consumer<T> action) {
        Node<T> node = address.length == 4 ? ipv4 : ipv6;
        int bits = address.length * 8;
        for (int bit = 0; node != null; bit++) {
            if (node.values != null) {
                node.values.forEach(action);
            }
            if (bit == bits) {
                return;
            }
            node = isSet(address, bit) ? node.one : node.zero;
        }
    }

    private static boolean isSet(byte[] bytes, int bit) {
        return (bytes[bit >>> 3] & (0x80 >>> (bit & 7))) != 0;
    }
}
