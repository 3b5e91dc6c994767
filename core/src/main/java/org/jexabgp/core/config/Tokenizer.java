package org.jexabgp.core.config;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Cuts configuration text into statements (config.md §2). Every token keeps its file, line and column, so errors
 * can point at the exact character.
 *
 * <p>Rules, in ExaBGP's order: join a file line ending in {@code \} with the next one; expand backslash escapes over
 * the whole (joined) line; then split words on whitespace, with {@code [ ] ,} as tokens of their own, {@code ; { }}
 * ending a statement, quotes making a literal run, and {@code #} starting a comment only where no statement is
 * pending. A statement must end on its (joined) line.
 */
public final class Tokenizer {
    private final String file;
    private final List<Statement> out = new ArrayList<>();

    // the logical line being processed, after escapes: characters and where each came from
    private final StringBuilder chars = new StringBuilder();
    private final List<int[]> where = new ArrayList<>();

    private Tokenizer(String file) {
        this.file = file;
    }

    /** Tokenises a configuration file: line joining on a trailing backslash. */
    public static List<Statement> file(String text, String file) throws ConfigError {
        Tokenizer t = new Tokenizer(file);
        String[] lines = text.split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            int first = i;
            t.chars.setLength(0);
            t.where.clear();
            // a physical line ending with '\' continues on the next one; the backslash stays and escapes the
            // next line's first character (config.md §2)
            while (true) {
                String line = stripCr(lines[i]);
                boolean joins = line.endsWith("\\") && i + 1 < lines.length;
                t.append(line, i + 1);
                i++;
                if (!joins) break;
            }
            t.line(first + 1);
        }
        return t.out;
    }

    /** Tokenises one line of API or command text: no joining, a trailing backslash is an error. */
    public static List<Statement> text(String text, String source) throws ConfigError {
        Tokenizer t = new Tokenizer(source);
        t.append(stripCr(text), 1);
        t.line(1);
        return t.out;
    }

    private static String stripCr(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private void append(String line, int lineNumber) {
        for (int c = 0; c < line.length(); c++) {
            chars.append(line.charAt(c));
            where.add(new int[] {lineNumber, c + 1});
        }
    }

    private void line(int lineNumber) throws ConfigError {
        expandEscapes();
        split(lineNumber);
    }

    /** config.md §2 step 1: backslash escapes, before any tokenising. */
    private void expandEscapes() throws ConfigError {
        if (chars.indexOf("\\") < 0) return;
        StringBuilder done = new StringBuilder(chars.length());
        List<int[]> pos = new ArrayList<>(where.size());
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            if (c != '\\') {
                done.append(c);
                pos.add(where.get(i));
                continue;
            }
            if (i + 1 >= chars.length()) {
                int[] at = where.get(i);
                throw new ConfigError(file, at[0], at[1], "a character after '\\'", "end of line", null);
            }
            char e = chars.charAt(++i);
            done.append(
                    switch (e) {
                        case 'b' -> '\b';
                        case 'f' -> '\f';
                        case 'n' -> '\n';
                        case 'r' -> '\r';
                        case 't' -> '\t';
                        default -> e;
                    });
            pos.add(where.get(i));
        }
        chars.setLength(0);
        chars.append(done);
        where.clear();
        where.addAll(pos);
    }

    private void split(int lineNumber) throws ConfigError {
        List<Token> pending = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int @Nullable [] wordStart = null;
        boolean wordQuoted = false;
        char quote = 0;
        int @Nullable [] quoteStart = null;
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            int[] at = where.get(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else word.append(c);
                continue;
            }
            switch (c) {
                case ' ', '\t', '\r', '\n' -> {
                    if (wordStart != null) pending.add(token(word, wordStart, wordQuoted));
                    wordStart = null;
                    wordQuoted = false;
                }
                case '[', ']', ',' -> {
                    if (wordStart != null) pending.add(token(word, wordStart, wordQuoted));
                    wordStart = null;
                    wordQuoted = false;
                    pending.add(new Token(String.valueOf(c), file, at[0], at[1], false));
                }
                case ';', '{', '}' -> {
                    if (wordStart != null) pending.add(token(word, wordStart, wordQuoted));
                    wordStart = null;
                    wordQuoted = false;
                    out.add(new Statement(pending, new Token(String.valueOf(c), file, at[0], at[1], false)));
                    pending = new ArrayList<>();
                }
                case '"', '\'' -> {
                    quote = c;
                    quoteStart = at;
                    if (wordStart == null) wordStart = at;
                    wordQuoted = true;
                }
                case '#' -> {
                    // a comment only where nothing is pending (config.md §2); "route x # c" and "a#b" are errors
                    if (wordStart != null || !pending.isEmpty()) {
                        throw new ConfigError(
                                file, at[0], at[1], "';' before a comment", "'#'", "invalid syntax line " + lineNumber);
                    }
                    return;
                }
                default -> {
                    if (wordStart == null) wordStart = at;
                    word.append(c);
                }
            }
        }
        if (quote != 0 && quoteStart != null) {
            throw new ConfigError(
                    file,
                    quoteStart[0],
                    quoteStart[1],
                    "closing " + quote,
                    "end of line",
                    "invalid syntax line " + lineNumber);
        }
        if (wordStart != null) pending.add(token(word, wordStart, wordQuoted));
        if (!pending.isEmpty()) {
            Token last = pending.getLast();
            throw new ConfigError(
                    file,
                    last.line(),
                    last.column() + Math.max(1, last.text().length()),
                    "';', '{' or '}'",
                    "end of line",
                    "invalid syntax line " + lineNumber + ": " + joined(pending));
        }
    }

    private Token token(StringBuilder word, int[] start, boolean quoted) {
        Token t = new Token(word.toString(), file, start[0], start[1], quoted);
        word.setLength(0);
        return t;
    }

    static String joined(List<Token> tokens) {
        StringBuilder sb = new StringBuilder();
        for (Token t : tokens) {
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(t.text());
        }
        return sb.toString();
    }
}
