package org.jexabgp.core.rib;

/**
 * How the RIBs' large columns ({@link LongPages}, {@link IntPages}, {@link BytePages}) are laid out: a
 * first page that doubles until it is {@link #SIZE} entries, then further pages of that size, never copied. Issue 9:
 * growing flat arrays to a million slots copied them eight times and touched twice their memory, whose pages the
 * kernel first has to map (0.6 ms a megabyte here); the old copies stayed in the old generation as garbage. Pages of
 * 2^17 entries are large enough for the heap to place the {@code int} and {@code long} ones in the old generation at
 * once (bin/jexabgp-env.sh), and small enough that a last page half used wastes little.
 */
final class Pages {
    static final int BITS = 17;
    static final int SIZE = 1 << BITS;
    static final int MASK = SIZE - 1;

    private Pages() {}

    /** The first page's new length to hold {@code wanted} entries: doubled, at least {@code wanted}, at most a page. */
    static int firstPage(int current, int wanted) {
        int size = Math.max(current, 1);
        while (size < wanted && size < SIZE) size *= 2;
        return Math.min(size, SIZE);
    }

    /** How many pages hold {@code wanted} entries, once past the first page's growth. */
    static int pagesFor(int wanted) {
        return (int) (((long) wanted + MASK) >>> BITS);
    }
}
