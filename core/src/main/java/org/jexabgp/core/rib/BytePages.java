package org.jexabgp.core.rib;

import java.util.Arrays;

/** A growable column of {@code byte}s in {@linkplain Pages pages}: growth never copies a full page. */
final class BytePages extends Pages {
    private byte[][] pages;

    BytePages(int initial) {
        pages = new byte[][] {new byte[firstLength(initial)]};
        start(pages[0].length, initial);
    }

    private BytePages(BytePages original) {
        super(original);
        pages = new byte[original.pages.length][];
        for (int p = 0; p < pages.length; p++) pages[p] = original.pages[p].clone();
    }

    /** An independent copy: an Adj-RIB-Out shared by several neighbours is copied when one of them diverges. */
    BytePages copy() {
        return new BytePages(this);
    }

    byte get(int i) {
        return pages[i >>> BITS][i & MASK];
    }

    void set(int i, byte value) {
        pages[i >>> BITS][i & MASK] = value;
    }

    @Override
    void growFirstPage(int size) {
        pages[0] = Arrays.copyOf(pages[0], size);
    }

    @Override
    void addPages(int from, int to) {
        pages = Arrays.copyOf(pages, to);
        for (int p = from; p < to; p++) pages[p] = new byte[SIZE];
    }
}
