package org.jexabgp.core.config;

import org.jspecify.annotations.Nullable;

/**
 * A configuration (or API route command) that does not parse. Parsing stops at the first one (config.md §3); the
 * message reads {@code FILE:LINE:COLUMN: expected X, found Y}, followed by ExaBGP's own wording of the reason when
 * there is one, so users who search for ExaBGP's messages still find them.
 */
public final class ConfigError extends Exception {
    private final String file;
    private final int line;
    private final int column;
    private final String expected;
    private final String found;
    private final @Nullable String reason;

    public ConfigError(String file, int line, int column, String expected, String found, @Nullable String reason) {
        super(format(file, line, column, expected, found, reason), null, false, false);
        this.file = file;
        this.line = line;
        this.column = column;
        this.expected = expected;
        this.found = found;
        this.reason = reason;
    }

    /** An error at a token: found is the token's text. */
    static ConfigError at(Token token, String expected) {
        return at(token, expected, null);
    }

    static ConfigError at(Token token, String expected, @Nullable String reason) {
        return new ConfigError(token.file(), token.line(), token.column(), expected, token.describe(), reason);
    }

    static ConfigError at(Token token, String expected, String found, @Nullable String reason) {
        return new ConfigError(token.file(), token.line(), token.column(), expected, found, reason);
    }

    private static String format(
            String file, int line, int column, String expected, String found, @Nullable String reason) {
        String head = file + ":" + line + ":" + column + ": expected " + expected + ", found " + found;
        return reason == null ? head : head + "\n" + reason;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String expected() {
        return expected;
    }

    public String found() {
        return found;
    }

    /** ExaBGP's wording of the problem (e.g. {@code incomplete neighbor, missing router-id}), or null. */
    public @Nullable String reason() {
        return reason;
    }
}
