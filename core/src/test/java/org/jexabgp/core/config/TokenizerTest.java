package org.jexabgp.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** config.md §2. */
class TokenizerTest {
    private static List<String> words(Statement s) {
        return s.words().stream().map(Token::text).toList();
    }

    @Test
    void bracketsAndCommasAreTokensOfTheirOwn() throws ConfigError {
        List<Statement> st = Tokenizer.file("as-path [100,500];", "f.conf");
        assertThat(st).hasSize(1);
        assertThat(words(st.getFirst())).containsExactly("as-path", "[", "100", ",", "500", "]");
        assertThat(st.getFirst().isCommand()).isTrue();
    }

    @Test
    void parenthesesAreNotSpecial() throws ConfigError {
        assertThat(words(Tokenizer.file("aggregator (65000:1.2.3.4);", "f").getFirst()))
                .containsExactly("aggregator", "(65000:1.2.3.4)");
    }

    @Test
    void everyTokenKnowsItsLineAndColumn() throws ConfigError {
        List<Statement> st = Tokenizer.file("neighbor 1.2.3.4 {\n\trouter-id  5.6.7.8;\n}\n", "x.conf");
        assertThat(st).hasSize(3);
        Token rid = st.get(1).words().get(1);
        assertThat(rid.text()).isEqualTo("5.6.7.8");
        assertThat(rid.file()).isEqualTo("x.conf");
        assertThat(rid.line()).isEqualTo(2);
        assertThat(rid.column()).isEqualTo(13);
        assertThat(st.get(0).opens()).isTrue();
        assertThat(st.get(2).closes()).isTrue();
    }

    @Test
    void quotedRunsAreLiteralAndGlue() throws ConfigError {
        Statement s = Tokenizer.file("description ab\"c; d\"e '' 'x{y}';", "f").getFirst();
        assertThat(words(s)).containsExactly("description", "abc; de", "", "x{y}");
        assertThat(s.words().get(1).quoted()).isTrue();
        assertThat(s.words().get(1).column()).isEqualTo(13);
    }

    @Test
    void quotedBracketIsNotPunctuation() throws ConfigError {
        Statement s = Tokenizer.file("x \"[\";", "f").getFirst();
        assertThat(s.words().get(1).is("[")).isFalse();
    }

    @Test
    void severalStatementsOnOneLine() throws ConfigError {
        List<Statement> st = Tokenizer.file("a 1; b 2; c {", "f");
        assertThat(st).extracting(s -> words(s)).containsExactly(List.of("a", "1"), List.of("b", "2"), List.of("c"));
    }

    @Test
    void commentsOnlyWhereNothingIsPending() throws ConfigError {
        assertThat(Tokenizer.file("# whole line\nnext-hop 1.1.1.1; # after a terminator\n", "f"))
                .hasSize(1);
        assertThatThrownBy(() -> Tokenizer.file("route x # c", "f.conf"))
                .isInstanceOf(ConfigError.class)
                .hasMessageStartingWith("f.conf:1:9: expected ';' before a comment, found '#'");
        assertThatThrownBy(() -> Tokenizer.file("a#b;", "f")).isInstanceOf(ConfigError.class);
    }

    @Test
    void aStatementMustEndOnItsLine() {
        // config.md §2: a bracketed list cannot span lines
        assertThatThrownBy(() -> Tokenizer.file("community [ 1:1\n2:2 ];", "f.conf"))
                .isInstanceOf(ConfigError.class)
                .satisfies(e -> {
                    ConfigError c = (ConfigError) e;
                    assertThat(c.line()).isEqualTo(1);
                    assertThat(c.found()).isEqualTo("end of line");
                    assertThat(c.reason()).startsWith("invalid syntax line 1");
                });
        assertThatThrownBy(() -> Tokenizer.file("description \"open;", "f"))
                .isInstanceOf(ConfigError.class)
                .hasMessageContaining("found end of line");
    }

    @Test
    void trailingBackslashJoinsFileLines() throws ConfigError {
        // "foo \" + "   bar": the backslash escapes the next line's first character, a space
        List<Statement> st = Tokenizer.file("route 10.0.0.0/8 \\\n   next-hop 1.2.3.4;\n", "f");
        assertThat(st).hasSize(1);
        assertThat(words(st.getFirst())).containsExactly("route", "10.0.0.0/8", "next-hop", "1.2.3.4");
        assertThat(st.getFirst().words().get(3).line()).isEqualTo(2);
    }

    @Test
    void trailingBackslashIsAnErrorInText() {
        assertThatThrownBy(() -> Tokenizer.text("route 10.0.0.0/8 \\", "command"))
                .isInstanceOf(ConfigError.class)
                .hasMessageStartingWith("command:1:18:");
    }

    @Test
    void escapesAreExpandedBeforeTokenising() throws ConfigError {
        // \n is whitespace once expanded; \; becomes a terminator; \q is q
        List<Statement> st = Tokenizer.text("a\\nb \\q\\; c;", "command");
        assertThat(st).extracting(s -> words(s)).containsExactly(List.of("a", "b", "q"), List.of("c"));
    }

    @Test
    void crlfLinesAreAccepted() throws ConfigError {
        assertThat(words(Tokenizer.file("a 1;\r\nb 2;\r\n", "f").get(1))).containsExactly("b", "2");
    }
}
