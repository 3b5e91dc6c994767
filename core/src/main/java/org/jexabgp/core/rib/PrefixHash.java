package org.jexabgp.core.rib;

/**
 * Where an IPv4 route key ({@code … | length << 32 | address}, family or other bits above) goes in a table of
 * {@code mask + 1} entries (a power of two, at least 16). Runs of 16 consecutive networks of one length share a block
 * of 16 entries, in their order; the blocks are spread by Fibonacci hashing of everything else in the key. Routes
 * mostly come in prefix order (a peer's table, bulk announcements, a configuration), so consecutive inserts land in
 * the same cache lines instead of costing a cache miss each (issue 9: the tables' lookups were the largest item of the
 * receive and inject-bulk profiles). Distinct keys keep distinct hash inputs, host bits included, so a peer cannot
 * pile its routes onto one entry.
 */
final class PrefixHash {
    private PrefixHash() {}

    static int index(long key, int mask) {
        int length = (int) (key >>> 32) & 0xFF;
        int shift = 32 - Math.min(length, 32);
        // the network number's low 4 bits pick the entry in the block; the rest of the key picks the block
        long low = ((key & 0xFFFF_FFFFL) >>> shift) & 0xF;
        long rest = key ^ (low << shift);
        long h = rest * 0x9E3779B97F4A7C15L;
        return ((int) (h >>> 36) << 4 | (int) low) & mask;
    }
}
