package org.jexabgp.core.rib;

import java.util.Arrays;

/** A growable column of {@code long}s in {@linkplain Pages pages}: growth never copies a full page. */
public final class LongPages {
    private long[][] pages;
    private int capacity;

    public LongPages(int initial) {
        pages = new long[][] {new long[Math.min(initial, Pages.SIZE)]};
        capacity = pages[0].length;
        ensure(initial);
    }

    public long get(int i) {
        return pages[i >>> Pages.BITS][i & Pages.MASK];
    }

    public void set(int i, long value) {
        pages[i >>> Pages.BITS][i & Pages.MASK] = value;
    }

    public int capacity() {
        return capacity;
    }

    /** Makes room for indices below {@code wanted}. */
    public void ensure(int wanted) {
        if (wanted <= capacity) return;
        if (capacity < Pages.SIZE) {
            int size = Pages.firstPage(capacity, wanted);
            pages[0] = Arrays.copyOf(pages[0], size);
            capacity = size;
        }
        int n = Pages.pagesFor(wanted);
        if (n <= pages.length && capacity >= wanted) return;
        int old = pages.length;
        pages = Arrays.copyOf(pages, Math.max(n, old));
        for (int p = old; p < n; p++) pages[p] = new long[Pages.SIZE];
        capacity = Math.max(capacity, n << Pages.BITS);
    }
}
