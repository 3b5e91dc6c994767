package org.jexabgp.core.config;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
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
 *
 * <p>A file is read lazily ({@link #statements}): the section parsers pull statements one at a time, so a
 * configuration of a million routes never holds a million statements (issue 9).
 */
public final class Tokenizer {
    private final String file;
    private final ArrayDeque<Statement> out = new ArrayDeque<>();

    // the logical line being processed, after escapes: characters and where each came from (line and column as two
    // parallel arrays: an object per character made large files slow to read). A plain array, read with plain
    // indexing: a start parses its configuration in the interpreter, where each StringBuilder call is a dozen more
    // (issue 9: 200 neighbours took 60 ms, half of it here)
    private char[] chars = new char[128];
    private int length;
    private int[] whereLine = new int[128];
    private int[] whereColumn = new int[128];

    // the file being read lazily, a physical line at a time, and the 1-based number of the last line read
    private final @Nullable LineReader lines;
    private final LineBuffer physical = new LineBuffer();
    private int lineNumber;
    /** Takes whole plain lines before they are cut into words, when a section asked for them (issue 9). */
    private @Nullable LineTaker taker;

    /** A section's own reader of whole lines; true when it took the line, false to have it cut as usual. */
    @FunctionalInterface
    interface LineTaker {
        boolean take(CharSequence line, int end, String file, int lineNumber);
    }

    private Tokenizer(String file, @Nullable LineReader lines) {
        this.file = file;
        this.lines = lines;
    }

    /** Tokenises a configuration file: line joining on a trailing backslash. */
    public static List<Statement> file(String text, String file) throws ConfigError {
        Tokenizer t = statements(text, file);
        List<Statement> all = new ArrayList<>();
        for (Statement s = t.next(); s != null; s = t.next()) all.add(s);
        return all;
    }

    /** A file's statements, cut one logical line at a time as {@link #next()} asks for them. */
    static Tokenizer statements(String text, String file) {
        return statements(ConfigText.of(text), file);
    }

    /** As {@link #statements(String, String)}, reading the text as it goes, so a large file is never held whole. */
    static Tokenizer statements(ConfigText text, String file) {
        return new Tokenizer(file, new LineReader(text));
    }

    /** The next statement of the file, or null at its end. */
    @Nullable Statement next() throws ConfigError {
        LineReader source = lines;
        if (source == null) return out.poll();
        while (out.isEmpty() && !source.ended()) {
            int first = lineNumber + 1;
            length = 0;
            // a physical line ending with '\' continues on the next one; the backslash stays and escapes the
            // next line's first character (config.md §2)
            while (source.next(physical)) {
                int end = physical.length();
                int stop = end > 0 && physical.charAt(end - 1) == '\r' ? end - 1 : end;
                boolean joins = stop > 0 && physical.charAt(stop - 1) == '\\' && !source.ended();
                LineTaker t = taker;
                if (t != null && !joins && length == 0 && t.take(physical, stop, file, lineNumber + 1)) {
                    lineNumber++;
                    break;
                }
                append(physical, 0, stop, ++lineNumber);
                if (!joins) break;
            }
            line(first);
        }
        return out.poll();
    }

    /**
     * Offers each physical line that starts a statement to taker before cutting it (null: none). A line taken is
     * gone: the taker must take only lines whose statements it handles exactly as their words would be.
     */
    void lineTaker(@Nullable LineTaker taker) {
        this.taker = taker;
    }

    /** Tokenises one line of API or command text: no joining, a trailing backslash is an error. */
    public static List<Statement> text(String text, String source) throws ConfigError {
        Tokenizer t = new Tokenizer(source, null);
        String line = stripCr(text);
        t.append(line, 0, line.length(), 1);
        t.line(1);
        return new ArrayList<>(t.out);
    }

    private static String stripCr(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private void append(CharSequence line, int from, int to, int lineNumber) {
        int n = length;
        int count = to - from;
        if (n + count > chars.length) {
            int size = Math.max(n + count, chars.length * 2);
            chars = Arrays.copyOf(chars, size);
            whereLine = Arrays.copyOf(whereLine, size);
            whereColumn = Arrays.copyOf(whereColumn, size);
        }
        if (line instanceof LineBuffer b) b.copyTo(from, to, chars, n);
        else if (line instanceof String text) text.getChars(from, to, chars, n);
        else for (int c = from; c < to; c++) chars[n + c - from] = line.charAt(c);
        Arrays.fill(whereLine, n, n + count, lineNumber);
        for (int c = 0; c < count; c++) whereColumn[n + c] = c + 1;
        length = n + count;
    }

    private void line(int lineNumber) throws ConfigError {
        expandEscapes();
        split(lineNumber);
    }

    /** config.md §2 step 1: backslash escapes, before any tokenising. */
    private void expandEscapes() throws ConfigError {
        char[] text = chars;
        int n = length;
        int first = 0;
        while (first < n && text[first] != '\\') first++;
        if (first == n) return;
        // characters and positions are compacted in place: the output never runs ahead of the input
        int kept = first;
        for (int i = first; i < n; i++) {
            char c = text[i];
            if (c == '\\') {
                if (i + 1 >= n) {
                    throw new ConfigError(
                            file, whereLine[i], whereColumn[i], "a character after '\\'", "end of line", null);
                }
                c = switch (text[++i]) {
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    default -> text[i];
                };
            }
            text[kept] = c;
            whereLine[kept] = whereLine[i];
            whereColumn[kept] = whereColumn[i];
            kept++;
        }
        length = kept;
    }

    private void split(int lineNumber) throws ConfigError {
        char[] text = chars;
        int n = length;
        List<Token> pending = new ArrayList<>();
        // the word being read starts at wordStart; unquoted, it is text[wordStart, i), else built in quoted (a quoted
        // run's characters join the word, its quotes do not)
        int wordStart = -1;
        @Nullable StringBuilder quoted = null;
        char quote = 0;
        int quoteStart = -1;
        for (int i = 0; i < n; i++) {
            char c = text[i];
            if (quote != 0) {
                if (c == quote) quote = 0;
                else quoted.append(c);
                continue;
            }
            switch (c) {
                case ' ', '\t', '\r', '\n' -> {
                    if (wordStart >= 0) pending.add(token(wordStart, i, quoted));
                    wordStart = -1;
                    quoted = null;
                }
                case '[', ']', ',' -> {
                    if (wordStart >= 0) pending.add(token(wordStart, i, quoted));
                    wordStart = -1;
                    quoted = null;
                    pending.add(new Token(String.valueOf(c), file, whereLine[i], whereColumn[i], false));
                }
                case ';', '{', '}' -> {
                    if (wordStart >= 0) pending.add(token(wordStart, i, quoted));
                    wordStart = -1;
                    quoted = null;
                    out.add(new Statement(pending, new Token(String.valueOf(c), file, whereLine[i], whereColumn[i], false)));
                    pending = new ArrayList<>();
                }
                case '"', '\'' -> {
                    quote = c;
                    quoteStart = i;
                    if (wordStart < 0) {
                        wordStart = i;
                        quoted = new StringBuilder();
                    } else if (quoted == null) quoted = new StringBuilder().append(text, wordStart, i - wordStart);
                }
                case '#' -> {
                    // a comment only where nothing is pending (config.md §2); "route x # c" and "a#b" are errors
                    if (wordStart >= 0 || !pending.isEmpty()) {
                        throw new ConfigError(
                                file, whereLine[i], whereColumn[i], "';' before a comment", "'#'", "invalid syntax line " + lineNumber);
                    }
                    return;
                }
                default -> {
                    if (wordStart < 0) wordStart = i;
                    if (quoted != null) quoted.append(c);
                }
            }
        }
        if (quote != 0 && quoteStart >= 0) {
            throw new ConfigError(
                    file,
                    whereLine[quoteStart],
                    whereColumn[quoteStart],
                    "closing " + quote,
                    "end of line",
                    "invalid syntax line " + lineNumber);
        }
        if (wordStart >= 0) pending.add(token(wordStart, n, quoted));
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

    /** The word from {@code start} to {@code end}: the text between, or what {@code quoted} gathered. */
    private Token token(int start, int end, @Nullable StringBuilder quoted) {
        String text = quoted != null ? quoted.toString() : new String(chars, start, end - start);
        return new Token(text, file, whereLine[start], whereColumn[start], quoted != null);
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
