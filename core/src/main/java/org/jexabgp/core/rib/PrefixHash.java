package org.jexabgp.core.rib;

/**
 * Where an IPv4 route key ({@code … | length << 32 | address}, family or other bits above) goes in a table of
 * {@code mask + 1} entries (a power of two, at least 16). Runs of 16 consecutive networks of one length share a block
 * of 16 entries, in their order. Routes mostly come in prefix order (a peer's table, bulk announcements, a
 * configuration), so consecutive inserts land in the same cache lines instead of costing a cache miss each (issue 9:
 * the tables' lookups were the largest item of the receive and inject-bulk profiles). The blocks are spread by
 * Fibonacci hashing of the run number, with everything else in the key above it: consecutive runs are consecutive
 * multiplicands, which that hashing spaces evenly over the table (the three-distance theorem), so blocks of routes
 * that came in order do not pile up into long probe clusters. Distinct keys keep distinct hash inputs, host bits
 * included, so a peer cannot pile its routes onto one entry.
 */
final class PrefixHash {
    private PrefixHash() {}

    static int index(long key, int mask) {
        int length = (int) (key >>> 32) & 0xFF;
        int shift = 32 - Math.min(length, 32);
        // the network number's low 4 bits pick the entry in the block
        long low = ((key & 0xFFFF_FFFFL) >>> shift) & 0xF;
        // the run number at the bottom, length, family and host bits above it (a rotation: nothing is lost)
        long run = Long.rotateRight(key ^ (low << shift), shift + 4);
        long h = run * 0x9E3779B97F4A7C15L;
        // the block: the product's top bits, as many as the table has blocks
        int blockBits = Integer.numberOfTrailingZeros(mask + 1) - 4;
        return (int) ((h >>> 1) >>> (63 - blockBits)) << 4 | (int) low;
    }
}
