package org.jexabgp.core.rib;

import java.util.Arrays;

/**
 * A primitive hash table from a {@code long} route key to an {@code int} slot (ARCHITECTURE §7): open addressing with
 * linear probing and backward-shift deletion, so no object is made per route and no tombstone accumulates under
 * churn. Keys may be any value; slots must be non-negative.
 */
final class KeyTable {
    private static final int EMPTY = -1;

    private long[] keys;
    private int[] slots;
    private int mask;
    private int size;

    KeyTable() {
        allocate(64);
    }

    int size() {
        return size;
    }

    /** The slot of {@code key}, or -1. */
    int get(long key) {
        for (int i = index(key); ; i = (i + 1) & mask) {
            int s = slots[i];
            if (s == EMPTY) return EMPTY;
            if (keys[i] == key) return s;
        }
    }

    /** Maps {@code key} to {@code slot}; the key must not be present. */
    void put(long key, int slot) {
        if ((size + 1) * 4 > slots.length * 3) grow(); // load at most 3/4
        int i = index(key);
        while (slots[i] != EMPTY) i = (i + 1) & mask;
        keys[i] = key;
        slots[i] = slot;
        size++;
    }

    /** Removes {@code key} if present, moving later entries of its probe run back (Knuth 6.4, algorithm R). */
    void remove(long key) {
        int i = index(key);
        while (true) {
            if (slots[i] == EMPTY) return;
            if (keys[i] == key) break;
            i = (i + 1) & mask;
        }
        size--;
        int hole = i;
        for (int j = (hole + 1) & mask; slots[j] != EMPTY; j = (j + 1) & mask) {
            int home = index(keys[j]);
            // j's entry may move to the hole only if its home is not cyclically inside (hole, j]
            boolean inside = hole <= j ? hole < home && home <= j : hole < home || home <= j;
            if (inside) continue;
            keys[hole] = keys[j];
            slots[hole] = slots[j];
            hole = j;
        }
        slots[hole] = EMPTY;
    }

    private int index(long key) {
        long h = key * 0x9E3779B97F4A7C15L; // Fibonacci hashing: prefixes differ in few, low-entropy bits
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldSlots = slots;
        allocate(oldSlots.length * 2);
        for (int i = 0; i < oldSlots.length; i++) {
            if (oldSlots[i] == EMPTY) continue;
            int j = index(oldKeys[i]);
            while (slots[j] != EMPTY) j = (j + 1) & mask;
            keys[j] = oldKeys[i];
            slots[j] = oldSlots[i];
        }
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        slots = new int[capacity];
        Arrays.fill(slots, EMPTY);
        mask = capacity - 1;
    }
}
