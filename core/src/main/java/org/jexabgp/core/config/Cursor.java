package org.jexabgp.core.config;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads the words of one statement left to right; running out gives a {@link ConfigError} at the terminator. */
final class Cursor {
    private final List<Token> words;
    private final Token end;
    private int next;

    Cursor(List<Token> words, Token end) {
        this.words = words;
        this.end = end;
    }

    Cursor(Statement statement) {
        this(statement.words(), statement.terminator());
    }

    boolean hasNext() {
        return next < words.size();
    }

    /** The next word without taking it, or null at the end. */
    @Nullable Token peek() {
        return next < words.size() ? words.get(next) : null;
    }

    /** The next word, or the terminator at the end: a position for messages. */
    Token peekOrEnd() {
        return next < words.size() ? words.get(next) : end;
    }

    boolean peekIs(String punctuation) {
        Token t = peek();
        return t != null && t.is(punctuation);
    }

    Token next(String expected) throws ConfigError {
        if (next >= words.size()) throw ConfigError.at(end, expected, "end of statement", null);
        return words.get(next++);
    }

    /** The next word, which must not be punctuation. */
    String word(String expected) throws ConfigError {
        Token t = next(expected);
        if (!t.quoted() && (t.text().equals("[") || t.text().equals("]") || t.text().equals(",")))
            throw ConfigError.at(t, expected);
        return t.text();
    }

    void expect(String punctuation) throws ConfigError {
        // the expectation's text is made for an error only: a concatenation costs while interpreted (issue 9)
        if (next < words.size() && words.get(next).is(punctuation)) {
            next++;
            return;
        }
        Token t = next("'" + punctuation + "'");
        throw ConfigError.at(t, "'" + punctuation + "'");
    }

    /** The token just read (for error positions). */
    Token last() {
        return next == 0 ? end : words.get(next - 1);
    }

    Token end() {
        return end;
    }

    void requireEnd() throws ConfigError {
        if (hasNext()) throw ConfigError.at(words.get(next), "end of statement");
    }

    /** The remaining words, consumed. */
    List<Token> rest() {
        List<Token> r = words.subList(next, words.size());
        next = words.size();
        return r;
    }
}
