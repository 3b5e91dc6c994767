package org.jexabgp.daemon.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** api.md §1.3 framing, with the over-long line rule of ARCHITECTURE §8. */
class LineSplitterTest {
    private static List<String> feed(LineSplitter s, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return s.feed(b, b.length);
    }

    @Test
    void linesAcrossReads() {
        LineSplitter s = new LineSplitter(100);
        assertThat(feed(s, "announce ro")).isEmpty();
        assertThat(feed(s, "ute 10.0.0.0/24\nversion\nhel")).containsExactly("announce route 10.0.0.0/24", "version");
        assertThat(feed(s, "p\n\n")).containsExactly("help", "");
    }

    /** The too-long line is one error, and neither its head nor its tail is ever a command. */
    @Test
    void overLongLineIsSkippedToItsNewline() {
        LineSplitter s = new LineSplitter(16);
        assertThat(feed(s, "x".repeat(10))).isEmpty();
        assertThat(feed(s, "y".repeat(10))).containsExactly(LineSplitter.TOO_LONG);
        assertThat(feed(s, "shutdown".repeat(100))).isEmpty();
        assertThat(feed(s, "shutdown\nversion\n")).containsExactly("version");
        // exactly at the limit is still a line; one more byte is not
        assertThat(feed(s, "a".repeat(16) + "\n" + "b".repeat(17) + "\nok\n"))
                .containsExactly("a".repeat(16), LineSplitter.TOO_LONG, "ok");
    }

    /** Any way of cutting the same bytes into reads gives the same lines (seeded). */
    @Test
    void chunkingDoesNotMatter() {
        long seed = System.nanoTime();
        SplittableRandom r = new SplittableRandom(seed);
        for (int round = 0; round < 200; round++) {
            StringBuilder text = new StringBuilder();
            int lines = r.nextInt(20);
            for (int i = 0; i < lines; i++) text.append("l".repeat(r.nextInt(40))).append('\n');
            byte[] all = text.toString().getBytes(StandardCharsets.UTF_8);
            List<String> whole = new LineSplitter(30).feed(all, all.length);
            LineSplitter s = new LineSplitter(30);
            List<String> pieces = new ArrayList<>();
            int at = 0;
            while (at < all.length) {
                int n = 1 + r.nextInt(Math.min(50, all.length - at));
                byte[] chunk = java.util.Arrays.copyOfRange(all, at, at + n);
                pieces.addAll(s.feed(chunk, n));
                at += n;
            }
            assertThat(pieces).as("seed %d", seed).isEqualTo(whole);
            assertThat(whole).as("seed %d", seed).allMatch(l -> l.length() <= 30 || l.equals(LineSplitter.TOO_LONG));
        }
    }
}
