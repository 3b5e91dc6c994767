package org.jexabgp.core.config;

import java.util.List;

/**
 * One statement: its words and the token that ended it ({@code ;} a command, {@code {} opens a section, {@code }}
 * closes one), config.md §2.
 */
public record Statement(List<Token> words, Token terminator) {
    public Statement {
        words = List.copyOf(words);
    }

    public boolean isCommand() {
        return terminator.is(";");
    }

    public boolean opens() {
        return terminator.is("{");
    }

    public boolean closes() {
        return terminator.is("}");
    }

    /** The first word, or the terminator when there is none. */
    public Token head() {
        return words.isEmpty() ? terminator : words.getFirst();
    }
}
