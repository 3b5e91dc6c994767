package org.jexabgp.core.rib;

import java.util.Arrays;

/**
 * A growable column of {@code int}s in {@linkplain Pages pages}: growth never copies a full page. Entries not yet set
 * read as the column's {@code fill}.
 */
public final class IntPages extends Pages {
    private final int fill;
    private int[][] pages;

    public IntPages(int initial, int fill) {
        this.fill = fill;
        pages = new int[][] {page(firstLength(initial))};
        start(pages[0].length, initial);
    }

    public int get(int i) {
        return pages[i >>> BITS][i & MASK];
    }

    public void set(int i, int value) {
        pages[i >>> BITS][i & MASK] = value;
    }

    @Override
    void growFirstPage(int size) {
        int old = pages[0].length;
        int[] first = Arrays.copyOf(pages[0], size);
        Arrays.fill(first, old, size, fill);
        pages[0] = first;
    }

    @Override
    void addPages(int from, int to) {
        pages = Arrays.copyOf(pages, to);
        for (int p = from; p < to; p++) pages[p] = page(SIZE);
    }

    private int[] page(int size) {
        int[] page = new int[size];
        if (fill != 0) Arrays.fill(page, fill);
        return page;
    }
}
