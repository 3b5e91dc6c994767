package org.jexabgp.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The tokenizer against its previous form ({@link ReferenceTokenizer}) on random text made of what the rules are about
 * (words, quotes, escapes, joined lines, comments, brackets, terminators, tabs and carriage returns): the same
 * statements, words, quoting and positions, or the same error at the same place.
 */
class TokenizerDifferentialTest {
    private static final String[] PIECES = {
        "neighbor", "route", "10.0.0.0/24", "next-hop", "self", "x", "a1", " ", " ", " ", "\t", ";", ";", "{", "}",
        "[", "]", ",", "\"", "'", "\"a b\"", "'c;d'", "\\", "\\n", "\\t", "\\\\", "#", "# comment", "\n", "\n", "\r\n",
        "\\\n", "é", "{ x; }"
    };

    @Test
    void cutsAsBefore() {
        for (long seed = 1; seed <= 5000; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            StringBuilder text = new StringBuilder();
            for (int i = 0, n = random.nextInt(40); i < n; i++) text.append(PIECES[random.nextInt(PIECES.length)]);
            String config = text.toString();
            assertThat(cut(() -> Tokenizer.file(config, "f.conf")))
                    .as("seed %d: %s", seed, config)
                    .isEqualTo(cut(() -> ReferenceTokenizer.file(config, "f.conf")));
            String line = config.replace("\n", " ").replace("\r", " ");
            assertThat(cut(() -> Tokenizer.text(line, "api")))
                    .as("seed %d, one line: %s", seed, line)
                    .isEqualTo(cut(() -> ReferenceTokenizer.text(line, "api")));
        }
    }

    private interface Cut {
        List<Statement> run() throws ConfigError;
    }

    /** The statements as text (each word with its position and quoting), or the error with its position. */
    private static String cut(Cut cut) {
        try {
            StringBuilder b = new StringBuilder();
            for (Statement s : cut.run()) {
                for (Token t : s.words()) b.append(describe(t)).append(' ');
                b.append("| ").append(describe(s.terminator())).append('\n');
            }
            return b.toString();
        } catch (ConfigError e) {
            return "error " + e.getMessage();
        }
    }

    private static String describe(Token t) {
        return t.text() + "@" + t.file() + ":" + t.line() + ":" + t.column() + (t.quoted() ? "q" : "");
    }
}
