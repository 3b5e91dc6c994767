package org.jexabgp.core.rib;

import java.util.Arrays;

/**
 * A growable column of {@code int}s in {@linkplain Pages pages}: growth never copies a full page. Entries not yet set
 * read as the column's {@code fill}: each value is kept XORed with it, so a new page's zeros read as {@code fill}
 * without a pass to fill them (issue 9: a million routes' columns were filled, then written over).
 */
public final class IntPages extends Pages {
    private final int fill;
    private int[][] pages;

    public IntPages(int initial, int fill) {
        this.fill = fill;
        pages = new int[][] {new int[firstLength(initial)]};
        start(pages[0].length, initial);
    }

    private IntPages(IntPages original) {
        super(original);
        this.fill = original.fill;
        pages = new int[original.pages.length][];
        for (int p = 0; p < pages.length; p++) pages[p] = original.pages[p].clone();
    }

    /** An independent copy: an Adj-RIB-Out shared by several neighbours is copied when one of them diverges. */
    IntPages copy() {
        return new IntPages(this);
    }

    public int get(int i) {
        return pages[i >>> BITS][i & MASK] ^ fill;
    }

    public void set(int i, int value) {
        pages[i >>> BITS][i & MASK] = value ^ fill;
    }

    @Override
    void growFirstPage(int size) {
        pages[0] = Arrays.copyOf(pages[0], size);
    }

    @Override
    void addPages(int from, int to) {
        pages = Arrays.copyOf(pages, to);
        for (int p = from; p < to; p++) pages[p] = new int[SIZE];
    }
}
