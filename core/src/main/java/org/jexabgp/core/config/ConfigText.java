package org.jexabgp.core.config;

/**
 * A configuration's text, given to the parser a piece at a time (issue 9: a file of a million routes was held whole, a
 * 49 MB string). The parser stays sans-I/O: the daemon adapts a file reader, and passes its read errors through as
 * unchecked exceptions.
 */
@FunctionalInterface
public interface ConfigText {
    /** Puts the next characters at the start of {@code buffer}: how many (at least one), or -1 at the end. */
    int read(char[] buffer);

    /** A text already in memory (tests, {@code create neighbor}). */
    static ConfigText of(String text) {
        return new ConfigText() {
            private int position;

            @Override
            public int read(char[] buffer) {
                if (position == text.length()) return -1;
                int n = Math.min(buffer.length, text.length() - position);
                text.getChars(position, position + n, buffer, 0);
                position += n;
                return n;
            }
        };
    }
}
