package org.jexabgp.core.rib;

import java.util.Arrays;

/**
 * A growable column of {@code int}s in {@linkplain Pages pages}: growth never copies a full page. Entries not yet set
 * read as the column's {@code fill}.
 */
public final class IntPages {
    private final int fill;
    private int[][] pages;
    private int capacity;

    public IntPages(int initial, int fill) {
        this.fill = fill;
        pages = new int[][] {page(Math.min(initial, Pages.SIZE))};
        capacity = pages[0].length;
        ensure(initial);
    }

    public int get(int i) {
        return pages[i >>> Pages.BITS][i & Pages.MASK];
    }

    public void set(int i, int value) {
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
            int[] first = Arrays.copyOf(pages[0], size);
            Arrays.fill(first, capacity, size, fill);
            pages[0] = first;
            capacity = size;
        }
        int n = Pages.pagesFor(wanted);
        if (n <= pages.length && capacity >= wanted) return;
        int old = pages.length;
        pages = Arrays.copyOf(pages, Math.max(n, old));
        for (int p = old; p < n; p++) pages[p] = page(Pages.SIZE);
        capacity = Math.max(capacity, n << Pages.BITS);
    }

    private int[] page(int size) {
        int[] page = new int[size];
        if (fill != 0) Arrays.fill(page, fill);
        return page;
    }
}
