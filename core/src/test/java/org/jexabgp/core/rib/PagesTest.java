package org.jexabgp.core.rib;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The paged columns read back what was written, as flat arrays grown by copying would, through the first page's
 * doubling and past it, with unset entries reading as the column's fill. Replay one seed with
 * {@code -Djexabgp.seed=N}.
 */
class PagesTest {
    @Test
    void columnsReadBackWhatWasWrittenAcrossPages() {
        String replay = System.getProperty("jexabgp.seed");
        if (replay != null) {
            run(Long.parseLong(replay));
            return;
        }
        for (long seed = 1; seed <= 20; seed++) run(seed);
    }

    private static void run(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int initial = 1 + random.nextInt(100);
        LongPages longs = new LongPages(initial);
        // the fill RIBs use (-1, 0) or any other: values are kept XORed with it
        int fill = switch (random.nextInt(3)) {
            case 0 -> -1;
            case 1 -> 0;
            default -> random.nextInt();
        };
        IntPages ints = new IntPages(initial, fill);
        BytePages bytes = new BytePages(initial);
        long[] expectedLongs = new long[initial];
        int[] expectedInts = new int[initial];
        Arrays.fill(expectedInts, fill);
        byte[] expectedBytes = new byte[initial];
        int size = initial;
        for (int step = 0; step < 60; step++) {
            if (random.nextInt(3) == 0) {
                // grow by a little or by pages at once (a reserve)
                int wanted = size + (random.nextBoolean() ? 1 + random.nextInt(64) : random.nextInt(3 * Pages.SIZE));
                longs.ensure(wanted);
                ints.ensure(wanted);
                bytes.ensure(wanted);
                assertThat(longs.capacity()).as("seed %d", seed).isGreaterThanOrEqualTo(wanted)
                        .isEqualTo(ints.capacity()).isEqualTo(bytes.capacity());
                size = longs.capacity();
                expectedLongs = Arrays.copyOf(expectedLongs, size);
                int old = expectedInts.length;
                expectedInts = Arrays.copyOf(expectedInts, size);
                Arrays.fill(expectedInts, old, size, fill);
                expectedBytes = Arrays.copyOf(expectedBytes, size);
            }
            for (int i = 0; i < 200; i++) {
                // the edges of pages and of the columns most of all
                int at = switch (random.nextInt(4)) {
                    case 0 -> size - 1;
                    case 1 -> (random.nextInt(4) << Pages.BITS) + random.nextInt(3) - 1;
                    default -> random.nextInt(size);
                };
                at = Math.max(0, Math.min(at, size - 1));
                // zero and the fill itself written too: they must read back as written
                long v = switch (random.nextInt(8)) {
                    case 0 -> 0;
                    case 1 -> fill;
                    default -> random.nextLong();
                };
                longs.set(at, v);
                ints.set(at, (int) v);
                bytes.set(at, (byte) v);
                expectedLongs[at] = v;
                expectedInts[at] = (int) v;
                expectedBytes[at] = (byte) v;
            }
        }
        for (int i = 0; i < size; i++) {
            if (longs.get(i) != expectedLongs[i] || ints.get(i) != expectedInts[i] || bytes.get(i) != expectedBytes[i])
                throw new AssertionError("seed " + seed + ": entry " + i + " of " + size);
        }
    }

    @Test
    void theFirstPageDoublesThenPagesAreAdded() {
        LongPages column = new LongPages(64);
        column.ensure(65);
        assertThat(column.capacity()).isEqualTo(128);
        column.ensure(Pages.SIZE);
        assertThat(column.capacity()).isEqualTo(Pages.SIZE);
        column.set(Pages.SIZE - 1, 7);
        column.ensure(Pages.SIZE + 1);
        assertThat(column.capacity()).isEqualTo(2 * Pages.SIZE);
        column.ensure(5 * Pages.SIZE - 3);
        assertThat(column.capacity()).isEqualTo(5 * Pages.SIZE);
        column.set(5 * Pages.SIZE - 1, 9);
        assertThat(column.get(Pages.SIZE - 1)).isEqualTo(7);
        assertThat(column.get(5 * Pages.SIZE - 1)).isEqualTo(9);
        assertThat(column.get(Pages.SIZE)).isZero();
    }
}
