package org.jexabgp.core.rib;

/**
 * The Adj-RIB-Out's index of its IPv4 slots by key: an open-addressing table of slot numbers only, each key read from
 * the slots' own key column, which the caller passes. Issue 9: a million configured routes cost 8 MB here, where a
 * {@link KeyTable} of key and slot pairs costs 32 MB. Linear probing at most 3/4 full and backward-shift deletion, as
 * in {@link KeyTable}; a slot's key must stay in the column until it is removed here.
 */
final class SlotIndex {
    /** An entry holds its slot plus one, so that a new table's zeros are its empty entries: no fill. */
    private static final int EMPTY = 0;

    private int[] table;
    private int mask;
    private int size;

    SlotIndex() {
        table = new int[64];
        mask = 63;
    }

    private SlotIndex(SlotIndex original) {
        table = original.table.clone();
        mask = original.mask;
        size = original.size;
    }

    SlotIndex copy() {
        return new SlotIndex(this);
    }

    /** The slot whose key is {@code key}, or -1. */
    int get(long key, LongPages keys) {
        int[] t = table;
        for (int i = index(key); ; i = (i + 1) & mask) {
            int e = t[i];
            if (e == EMPTY) return -1;
            if (keys.get(e - 1) == key) return e - 1;
        }
    }

    /** Adds {@code slot}, whose key {@code keys.get(slot)} must not be present yet. */
    void put(int slot, LongPages keys) {
        if ((size + 1) * 4 > (mask + 1) * 3) rehash((mask + 1) * 2, keys);
        int i = index(keys.get(slot));
        while (table[i] != EMPTY) i = (i + 1) & mask;
        table[i] = slot + 1;
        size++;
    }

    /**
     * Adds {@code slot} unless its key {@code keys.get(slot)} is present already: returns the slot that has the key, which
     * is {@code slot} when it was added. One probe where {@link #get} then {@link #put} take two.
     */
    int addIfAbsent(int slot, LongPages keys) {
        if ((size + 1) * 4 > (mask + 1) * 3) rehash((mask + 1) * 2, keys);
        long key = keys.get(slot);
        int[] t = table;
        int i = index(key);
        for (int e = t[i]; e != EMPTY; e = t[i]) {
            if (keys.get(e - 1) == key) return e - 1;
            i = (i + 1) & mask;
        }
        t[i] = slot + 1;
        size++;
        return slot;
    }

    /** Removes the slot of {@code key} if present, moving later entries of its probe run back (Knuth 6.4, R). */
    void remove(long key, LongPages keys) {
        int i = index(key);
        while (true) {
            if (table[i] == EMPTY) return;
            if (keys.get(table[i] - 1) == key) break;
            i = (i + 1) & mask;
        }
        size--;
        int hole = i;
        for (int j = (hole + 1) & mask; table[j] != EMPTY; j = (j + 1) & mask) {
            int home = index(keys.get(table[j] - 1));
            // j's entry may move to the hole only if its home is not cyclically inside (hole, j]
            boolean inside = hole <= j ? hole < home && home <= j : hole < home || home <= j;
            if (inside) continue;
            table[hole] = table[j];
            hole = j;
        }
        table[hole] = EMPTY;
    }

    /** Makes room for {@code more} slots at once: sized once, not doubled step by step. */
    void reserve(int more, LongPages keys) {
        long wanted = (long) size + more;
        int capacity = mask + 1;
        while (wanted * 4 > (long) capacity * 3) capacity *= 2;
        if (capacity > mask + 1) rehash(capacity, keys);
    }

    private int index(long key) {
        return PrefixHash.index(key, mask);
    }

    private void rehash(int capacity, LongPages keys) {
        int[] old = table;
        int[] t = new int[capacity];
        int m = capacity - 1;
        for (int e : old) {
            if (e == EMPTY) continue;
            int j = PrefixHash.index(keys.get(e - 1), m);
            while (t[j] != EMPTY) j = (j + 1) & m;
            t[j] = e;
        }
        table = t;
        mask = m;
    }
}
