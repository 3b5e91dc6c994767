package org.jexabgp.core.rib;

/**
 * A primitive hash table from a {@code long} route key to an {@code int} slot (ARCHITECTURE §7): open addressing with
 * linear probing and backward-shift deletion, so no object is made per route and no tombstone accumulates under
 * churn. Key and slot share one {@code long[]} pair, so a lookup touches one cache line. Slots are non-negative.
 * Public for the reactor's Adj-RIB-In, which keeps received IPv4 routes the same way.
 */
public final class KeyTable {
    /** A slot is held plus one, so that a new table's zeros are its empty entries: no fill. */
    private static final long EMPTY = 0;

    /** table[2i] = key, table[2i + 1] = slot + 1, or EMPTY. */
    private long[] table;
    private int mask;
    private int size;

    public KeyTable() {
        allocate(64);
    }

    public int size() {
        return size;
    }

    /** The slot of {@code key}, or -1. */
    public int get(long key) {
        long[] t = table;
        for (int i = index(key); ; i = (i + 1) & mask) {
            long s = t[2 * i + 1];
            if (s == EMPTY) return -1;
            if (t[2 * i] == key) return (int) (s - 1);
        }
    }

    /** Maps {@code key} to {@code slot}; the key must not be present. */
    public void put(long key, int slot) {
        if ((size + 1) * 4 > (mask + 1) * 3) grow(); // load at most 3/4
        int i = index(key);
        while (table[2 * i + 1] != EMPTY) i = (i + 1) & mask;
        table[2 * i] = key;
        table[2 * i + 1] = slot + 1L;
        size++;
    }

    /** Removes {@code key} if present, moving later entries of its probe run back (Knuth 6.4, algorithm R). */
    public void remove(long key) {
        int i = index(key);
        while (true) {
            if (table[2 * i + 1] == EMPTY) return;
            if (table[2 * i] == key) break;
            i = (i + 1) & mask;
        }
        size--;
        int hole = i;
        for (int j = (hole + 1) & mask; table[2 * j + 1] != EMPTY; j = (j + 1) & mask) {
            int home = index(table[2 * j]);
            // j's entry may move to the hole only if its home is not cyclically inside (hole, j]
            boolean inside = hole <= j ? hole < home && home <= j : hole < home || home <= j;
            if (inside) continue;
            table[2 * hole] = table[2 * j];
            table[2 * hole + 1] = table[2 * j + 1];
            hole = j;
        }
        table[2 * hole + 1] = EMPTY;
    }

    private int index(long key) {
        return PrefixHash.index(key, mask);
    }

    private void grow() {
        long[] old = table;
        allocate((mask + 1) * 2);
        for (int i = 0; i < old.length; i += 2) {
            if (old[i + 1] == EMPTY) continue;
            int j = index(old[i]);
            while (table[2 * j + 1] != EMPTY) j = (j + 1) & mask;
            table[2 * j] = old[i];
            table[2 * j + 1] = old[i + 1];
        }
    }

    private void allocate(int capacity) {
        table = new long[2 * capacity];
        mask = capacity - 1;
    }
}
