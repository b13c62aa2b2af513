package io.keygate.analytics.usage.kafka;

import io.keygate.analytics.DimensionHash;
import java.util.Arrays;

/**
 * One instance of each tenant, application, key, route and client address id among the calls read: a window holds
 * tens of thousands of calls naming a few thousand ids, and the rollups, detectors and address rows hash and compare
 * them many times; a shared string hashes once and compares by identity, and the window holds each id once. Ids are
 * looked up by their characters as the JSON parser holds them, so an id seen before costs no new string. Bounded: past
 * {@link #MAX_SHARED_IDS} distinct ids the table starts over (ids are then merely not shared). Not thread-safe: one
 * per Kafka consumer (its poll thread decodes the records).
 */
final class SharedIds {

    static final int MAX_SHARED_IDS = 100_000;

    /** Open addressing, linear probing; a power of two over 2.5 times the bound, so probes stay short. */
    private final String[] table = new String[1 << 18];

    private int size;

    /** The shared instance of the id held in {@code chars[offset, offset + length)}. */
    String share(char[] chars, int offset, int length) {
        int hash = 0;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + chars[i];
        }
        int mask = table.length - 1;
        for (int slot = DimensionHash.finish(hash) & mask; ; slot = (slot + 1) & mask) {
            String known = table[slot];
            if (known == null) {
                return add(slot, new String(chars, offset, length));
            }
            if (known.hashCode() == hash && sameChars(known, chars, offset, length)) {
                return known;
            }
        }
    }

    /** The shared instance of an id equal to {@code id}; null stays null. */
    String share(String id) {
        if (id == null) {
            return null;
        }
        int mask = table.length - 1;
        // String.hashCode is the same polynomial over the characters as above, and cached in the string.
        for (int slot = DimensionHash.finish(id.hashCode()) & mask; ; slot = (slot + 1) & mask) {
            String known = table[slot];
            if (known == null) {
                return add(slot, id);
            }
            if (known.equals(id)) {
                return known;
            }
        }
    }

    private String add(int slot, String id) {
        if (size >= MAX_SHARED_IDS) {
            Arrays.fill(table, null);
            size = 0;
            return share(id);
        }
        table[slot] = id;
        size++;
        return id;
    }

    /** Whether {@code known} has exactly the characters {@code chars[offset, offset + length)}. */
    static boolean sameChars(String known, char[] chars, int offset, int length) {
        if (known.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (known.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }
}
