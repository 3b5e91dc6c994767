package org.jexabgp.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Lines read a buffer at a time are those {@code String.split("\n", -1)} cuts, wherever the buffers end. */
class LineReaderTest {
    @Test
    void cutsAsSplitDoes() {
        Random random = new Random(5);
        List<String> texts = new ArrayList<>(List.of("", "\n", "a", "a\n", "\n\na", "a\r\nb\r\n", "x".repeat(20_000)));
        for (int i = 0; i < 200; i++) {
            StringBuilder t = new StringBuilder();
            // lines around the 8,192-character buffer, so '\n' falls at, before and after a buffer's end
            for (int n = random.nextInt(6); n > 0; n--) {
                int length = random.nextBoolean() ? random.nextInt(5) : 8_185 + random.nextInt(15);
                t.append("y".repeat(length)).append(random.nextInt(4) == 0 ? "\r\n" : "\n");
            }
            if (random.nextBoolean()) t.append("tail");
            texts.add(t.toString());
        }
        for (String text : texts) {
            for (boolean trickle : new boolean[] {false, true}) {
                LineReader lines = new LineReader(trickle ? trickle(text) : ConfigText.of(text));
                List<String> read = new ArrayList<>();
                LineBuffer line = new LineBuffer();
                while (lines.next(line)) read.add(line.toString());
                assertThat(lines.ended()).isTrue();
                assertThat(read).as("%d characters", text.length()).isEqualTo(Arrays.asList(text.split("\n", -1)));
            }
        }
    }

    @Test
    void aJoinedLineAndCrlfReadFromAReaderAsFromAString() throws ConfigError {
        String text = "route 10.0.0.0/8 \\\r\n   next-hop 1.2.3.4;\r\nlast 1;";
        Tokenizer t = Tokenizer.statements(trickle(text), "f");
        List<Statement> read = new ArrayList<>();
        for (Statement s = t.next(); s != null; s = t.next()) read.add(s);
        assertThat(read).isEqualTo(Tokenizer.file(text, "f"));
        assertThat(read.getFirst().words().get(3).line()).isEqualTo(2);
    }

    /** A text giving a few characters per read, as a pipe may. */
    private static ConfigText trickle(String text) {
        ConfigText all = ConfigText.of(text);
        char[] small = new char[3];
        return buffer -> {
            int n = all.read(small);
            if (n > 0) System.arraycopy(small, 0, buffer, 0, n);
            return n;
        };
    }
}
