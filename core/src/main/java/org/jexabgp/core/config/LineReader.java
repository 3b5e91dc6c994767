package org.jexabgp.core.config;

/**
 * The physical lines of a configuration, read a buffer at a time (issue 9: a file of a million routes was first read
 * whole into a string of 49 MB, and the JDK's temporary direct buffer for that one read stayed resident). Lines end
 * at {@code '\n'} only, as {@code String.split("\n", -1)} cuts them: n newlines make n + 1 lines, the last one possibly
 * empty.
 */
final class LineReader {
    private final ConfigText in;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private boolean ended;

    LineReader(ConfigText in) {
        this.in = in;
    }

    /**
     * Puts the next line, without its {@code '\n'}, in {@code line} (valid until the next call); false once the last
     * line was given.
     */
    boolean next(LineBuffer line) {
        if (ended) return false;
        line.clear();
        while (true) {
            if (position == limit) {
                int n = in.read(buffer);
                if (n < 0) {
                    ended = true;
                    return true;
                }
                position = 0;
                limit = n;
            }
            for (int i = position; i < limit; i++) {
                if (buffer[i] == '\n') {
                    // most lines are whole in the buffer: given where they are
                    if (line.length() == 0) line.view(buffer, position, i - position);
                    else line.append(buffer, position, i - position);
                    position = i + 1;
                    return true;
                }
            }
            line.append(buffer, position, limit - position);
            position = limit;
        }
    }

    /** True when the line given last ended the text (no {@code '\n'} after it), or there was none. */
    boolean ended() {
        return ended;
    }
}
