package io.prescale.loadtest.reference;

import java.util.LinkedHashMap;
import java.util.Map;

/** A least-recently-used set of keys with a fixed number of entries (0: nothing is cached). Thread-safe. */
final class LruCache {
    private final int capacity;
    private final LinkedHashMap<Integer, Boolean> entries;

    LruCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, Boolean> eldest) {
                return size() > LruCache.this.capacity;
            }
        };
    }

    /** Whether {@code key} is cached (and marks it recently used). */
    synchronized boolean get(int key) {
        return entries.get(key) != null;
    }

    synchronized void put(int key) {
        if (capacity > 0) {
            entries.put(key, Boolean.TRUE);
        }
    }

    synchronized int size() {
        return entries.size();
    }
}
