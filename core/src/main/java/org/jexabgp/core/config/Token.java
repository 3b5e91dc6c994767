package org.jexabgp.core.config;

/**
 * One word of configuration text with where it starts (1-based line and column of its first character).
 *
 * @param quoted the word came (at least partly) from a quoted run, so {@code [ ] , ; { }} in it are plain text
 */
public record Token(String text, String file, int line, int column, boolean quoted) {

    /** True for an unquoted punctuation token such as {@code [} or {@code ;}. */
    public boolean is(String punctuation) {
        return !quoted && text.equals(punctuation);
    }

    /** How the token is shown in "found ..." messages. */
    String describe() {
        return "'" + text + "'";
    }
}
