package io.keygate.analytics.alert;

import java.util.LinkedHashMap;
import java.util.Map;

/** A map that forgets its least recently used entry beyond a size, so detector state stays bounded. */
final class BoundedMap<K, V> extends LinkedHashMap<K, V> {

    private final int maxSize;

    BoundedMap(int maxSize) {
        super(16, 0.75f, true);
        this.maxSize = maxSize;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > maxSize;
    }
}
