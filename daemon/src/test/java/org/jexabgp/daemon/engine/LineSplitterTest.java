package org.jexabgp.daemon.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
                byte[] chunk = Arrays.copyOfRange(all, at, at + n);
                pieces.addAll(s.feed(chunk, n));
                at += n;
            }
            assertThat(pieces).as("seed %d", seed).isEqualTo(whole);
            assertThat(whole).as("seed %d", seed).allMatch(l -> l.length() <= 30 || l.equals(LineSplitter.TOO_LONG));
        }
    }

    /**
     * Against a byte-by-byte splitter written as plainly as possible: the same lines from every read, for ASCII and
     * for UTF-8 (multi-byte, four-byte, malformed and cut sequences), with any limit and any cutting into reads
     * (seeded: {@code -Djexabgp.seed=N} replays one).
     */
    @Test
    void sameLinesAsAPlainByteByByteSplitter() {
        String replay = System.getProperty("jexabgp.seed");
        long first = replay != null ? Long.parseLong(replay) : 1;
        long lastSeed = replay != null ? first : 300;
        byte[][] pieces = {
            "a".getBytes(StandardCharsets.UTF_8), "announce route 10.0.0.0/24".getBytes(StandardCharsets.UTF_8),
            " ".getBytes(StandardCharsets.UTF_8), "\n".getBytes(StandardCharsets.UTF_8),
            "\u00e9".getBytes(StandardCharsets.UTF_8), "\u20ac".getBytes(StandardCharsets.UTF_8),
            "\ud83d\ude00".getBytes(StandardCharsets.UTF_8), {(byte) 0xFF}, {(byte) 0xE2, (byte) 0x82},
            {(byte) 0x82}, {(byte) 0xF0, (byte) 0x9F}, {'\n', '\n'}
        };
        for (long seed = first; seed <= lastSeed; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            boolean ascii = r.nextInt(3) == 0;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int parts = r.nextInt(200);
            for (int i = 0; i < parts; i++) {
                byte[] p = pieces[ascii ? r.nextInt(4) : r.nextInt(pieces.length)];
                int times = r.nextInt(8) == 0 ? 1 + r.nextInt(30) : 1;
                for (int t = 0; t < times; t++) out.writeBytes(p);
            }
            byte[] all = out.toByteArray();
            int limit = 1 + r.nextInt(60);
            LineSplitter splitter = new LineSplitter(limit);
            PlainSplitter reference = new PlainSplitter(limit);
            int at = 0;
            while (at < all.length) {
                int n = 1 + r.nextInt(Math.min(r.nextBoolean() ? 8 : 300, all.length - at));
                byte[] read = Arrays.copyOfRange(all, at, at + n + r.nextInt(3)); // a larger buffer
                assertThat(splitter.feed(read, n)).as("seed %d at %d", seed, at).isEqualTo(reference.feed(read, n));
                assertThat(splitter.held()).as("bytes held, seed %d", seed).isLessThanOrEqualTo(limit);
                at += n;
            }
        }
    }

    /** The framing rules, one byte at a time. */
    private static final class PlainSplitter {
        private final int limit;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private boolean skipping;

        PlainSplitter(int limit) {
            this.limit = limit;
        }

        List<String> feed(byte[] buf, int n) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (buf[i] == '\n') {
                    if (!skipping)
                        lines.add(line.size() > limit ? LineSplitter.TOO_LONG : line.toString(StandardCharsets.UTF_8));
                    skipping = false;
                    line.reset();
                    continue;
                }
                if (!skipping) line.write(buf[i]);
            }
            // an unfinished line over the limit is reported at once, then skipped to its newline
            if (!skipping && line.size() > limit) {
                lines.add(LineSplitter.TOO_LONG);
                skipping = true;
                line.reset();
            }
            return lines;
        }
    }
}
