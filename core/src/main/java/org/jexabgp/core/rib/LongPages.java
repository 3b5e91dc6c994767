package org.jexabgp.core.rib;

import java.util.Arrays;

/** A growable column of {@code long}s in {@linkplain Pages pages}: growth never copies a full page. */
public final class LongPages extends Pages {
    private long[][] pages;

    public LongPages(int initial) {
        pages = new long[][] {new long[firstLength(initial)]};
        start(pages[0].length, initial);
    }

    private LongPages(LongPages original) {
        super(original);
        pages = new long[original.pages.length][];
        for (int p = 0; p < pages.length; p++) pages[p] = original.pages[p].clone();
    }

    /** An independent copy: an Adj-RIB-Out shared by several neighbours is copied when one of them diverges. */
    LongPages copy() {
        return new LongPages(this);
    }

    public long get(int i) {
        return pages[i >>> BITS][i & MASK];
    }

    public void set(int i, long value) {
        pages[i >>> BITS][i & MASK] = value;
    }

    @Override
    void growFirstPage(int size) {
        pages[0] = Arrays.copyOf(pages[0], size);
    }

    @Override
    void addPages(int from, int to) {
        pages = Arrays.copyOf(pages, to);
        for (int p = from; p < to; p++) pages[p] = new long[SIZE];
    }
}
