package org.jexabgp.core.rib;

/**
 * A growable column of primitives in pages, the RIBs' large columns ({@link LongPages}, {@link IntPages},
 * {@link BytePages}): a first page that doubles until it is {@link #SIZE} entries, then further pages of that size,
 * never copied. Issue 9: growing flat arrays to a million slots copied them eight times and touched twice their
 * memory, whose pages the kernel first has to map (0.6 ms a megabyte here); the old copies stayed in the old
 * generation as garbage. Pages of 2^17 entries are large enough for the heap to place the {@code int} and
 * {@code long} ones in the old generation at once (bin/jexabgp-env.sh), and small enough that a last page half used
 * wastes little. The growth is here; each column holds its own typed pages.
 */
public abstract sealed class Pages permits LongPages, IntPages, BytePages {
    static final int BITS = 17;
    static final int SIZE = 1 << BITS;
    static final int MASK = SIZE - 1;

    private int capacity;

    Pages() {}

    /** A column's copy starts with the original's capacity; the subclass copies the pages. */
    Pages(Pages original) {
        capacity = original.capacity;
    }

    /** The length of a column's first page for {@code initial} entries; the column then calls {@link #start}. */
    static int firstLength(int initial) {
        return Math.min(initial, SIZE);
    }

    /** Called by a column's constructor once its first page, of {@code firstLength} entries, is made. */
    final void start(int firstLength, int initial) {
        capacity = firstLength;
        ensure(initial);
    }

    public final int capacity() {
        return capacity;
    }

    /** Makes room for indices below {@code wanted}. */
    public final void ensure(int wanted) {
        if (wanted <= capacity) return;
        if (capacity < SIZE) {
            int size = Math.max(capacity, 1);
            while (size < wanted && size < SIZE) size *= 2;
            size = Math.min(size, SIZE);
            growFirstPage(size);
            capacity = size;
            if (capacity >= wanted) return;
        }
        // the first page is full size now: every page is, and capacity counts them
        int pages = (int) (((long) wanted + MASK) >>> BITS);
        addPages(capacity >>> BITS, pages);
        capacity = pages << BITS;
    }

    /** Copies the first page to {@code size} entries (the rest read as the column's initial value). */
    abstract void growFirstPage(int size);

    /** Adds full pages so that pages {@code [from, to)} exist. */
    abstract void addPages(int from, int to);
}
