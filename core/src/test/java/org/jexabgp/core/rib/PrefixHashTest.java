package org.jexabgp.core.rib;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrefixHashTest {
    private static final int MASK = (1 << 20) - 1;

    private static long key(int length, long address) {
        return (long) length << 32 | address;
    }

    @Test
    void consecutiveNetworksTakeConsecutiveEntriesOfABlock() {
        for (int length : new int[] {8, 16, 24, 32}) {
            long step = 1L << (32 - length);
            long base = 32L << 24;
            int first = PrefixHash.index(key(length, base), MASK);
            assertThat(first & 0xF).isZero(); // 32.0.0.0 ends its network number in 0000 at each of these lengths
            for (int i = 1; i < 16; i++)
                assertThat(PrefixHash.index(key(length, base + i * step), MASK)).isEqualTo(first + i);
            // the next run of 16 goes to another block
            assertThat(PrefixHash.index(key(length, base + 16 * step), MASK) >>> 4).isNotEqualTo(first >>> 4);
        }
    }

    @Test
    void keysDifferingElsewhereSpreadOverTheTable() {
        // host bits (a peer may send them), lengths and the bits above the length: no pile-up on a few entries
        Set<Integer> hostBits = new HashSet<>();
        for (long host = 0; host < 4096; host++) hostBits.add(PrefixHash.index(key(8, 10L << 24 | host), MASK));
        assertThat(hostBits).hasSizeGreaterThan(4000);
        Set<Integer> lengths = new HashSet<>();
        for (int length = 0; length <= 32; length++) lengths.add(PrefixHash.index(key(length, 0), MASK));
        assertThat(lengths).hasSizeGreaterThan(30);
        Set<Integer> families = new HashSet<>();
        for (long family = 0; family < 64; family++)
            families.add(PrefixHash.index(family << 40 | key(24, 20L << 24), MASK) >>> 4);
        assertThat(families).hasSizeGreaterThan(60);
    }

    @Test
    void indexesStayInTheTable() {
        for (int mask : new int[] {15, 63, 1023}) {
            for (long k = 0; k < 10_000; k++) {
                long key = key((int) (k % 33), (k * 2654435761L) & 0xFFFF_FFFFL);
                assertThat(PrefixHash.index(key, mask)).isBetween(0, mask);
            }
        }
    }

    /** Mean entries probed to insert consecutive networks until the table of {@code capacity} is 3/4 full. */
    private static double meanProbes(int capacity, int length) {
        int mask = capacity - 1;
        boolean[] used = new boolean[capacity];
        long probes = 0;
        int n = capacity / 4 * 3;
        for (int k = 0; k < n; k++) {
            int i = PrefixHash.index(key(length, (20L << 24) + ((long) k << (32 - length))), mask);
            probes++;
            while (used[i]) {
                i = (i + 1) & mask;
                probes++;
            }
            used[i] = true;
        }
        return (double) probes / n;
    }

    @Test
    void consecutiveNetworksFillATableWithoutLongClusters() {
        // a peer's or a program's routes come in order: runs of 16 share a block, and the blocks must not pile up
        // (the product's bits under its top 28 picked blocks before: 226 entries probed a /24 in a table of 2048)
        for (int length : new int[] {22, 24, 25, 32}) {
            for (int capacity : new int[] {64, 2048, 1 << 14, 1 << 17, 1 << 20})
                assertThat(meanProbes(capacity, length)).as("/%d in a table of %d", length, capacity).isLessThan(3);
        }
    }
}
