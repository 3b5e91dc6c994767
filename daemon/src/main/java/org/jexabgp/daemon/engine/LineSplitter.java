package org.jexabgp.daemon.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a program's output into lines (api.md §1.3). A line longer than the limit is replaced by one {@link #TOO_LONG}
 * marker (answered error by the reactor) and everything up to its newline is skipped: neither its start nor its tail
 * is ever run as a command, and at most {@code limit} bytes are held, however long the program writes without a
 * newline (ARCHITECTURE §8).
 */
final class LineSplitter {
    /** What the reactor receives in place of an over-long line (a NUL cannot be part of a command). */
    static final String TOO_LONG = "\u0000line too long";

    private final int limit;
    private byte[] partial = new byte[256];
    private int partialLength;
    private boolean skipping;

    LineSplitter(int limit) {
        this.limit = limit;
    }

    /** The complete lines in these bytes (without their newline), after what earlier calls left unfinished. */
    List<String> feed(byte[] buf, int n) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        if (partialLength > 0 || skipping) {
            // the line earlier reads left unfinished ends at this read's first newline
            int newline = 0;
            while (newline < n && buf[newline] != '\n') newline++;
            if (newline == n) {
                keep(buf, 0, n, lines);
                return lines;
            }
            end(buf, 0, newline, lines);
            start = newline + 1;
        }
        int last = n - 1;
        while (last >= start && buf[last] != '\n') last--;
        if (last >= start) {
            cut(buf, start, last, lines);
            start = last + 1;
        }
        if (start < n) keep(buf, start, n, lines);
        return lines;
    }

    /**
     * The whole lines of {@code buf[from, to)}, {@code to} being the last one's newline. Issue 9: a program's commands
     * are ASCII, decoded here in one go and cut at the newlines String's own search finds; a byte-by-byte scan for
     * the newlines was most of this thread's time, and a loop of its own for the JIT to compile twice.
     */
    private void cut(byte[] buf, int from, int to, List<String> lines) {
        String text = new String(buf, from, to - from, StandardCharsets.UTF_8);
        // one char per byte and no replacement char: the bytes were ASCII, so chars count bytes and the lines are
        // those each line's own decoding gives; otherwise line by line, as the bytes come
        if (text.length() != to - from || text.indexOf('\uFFFD') >= 0) {
            cutEach(buf, from, to, lines);
            return;
        }
        int at = 0;
        while (true) {
            int newline = text.indexOf('\n', at);
            int end = newline < 0 ? text.length() : newline;
            lines.add(end - at > limit ? TOO_LONG : text.substring(at, end));
            if (newline < 0) return;
            at = newline + 1;
        }
    }

    private void cutEach(byte[] buf, int from, int to, List<String> lines) {
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i < to && buf[i] != '\n') continue;
            lines.add(i - start > limit ? TOO_LONG : new String(buf, start, i - start, StandardCharsets.UTF_8));
            start = i + 1;
        }
    }

    /** The end, at {@code to}, of the line earlier reads began (or of the over-long one being skipped). */
    private void end(byte[] buf, int from, int to, List<String> lines) {
        if (skipping) {
            skipping = false;
        } else if (partialLength + to - from > limit) {
            lines.add(TOO_LONG);
        } else {
            append(buf, from, to - from);
            lines.add(new String(partial, 0, partialLength, StandardCharsets.UTF_8));
        }
        partialLength = 0;
    }

    /** Bytes of a line not finished yet: held, up to the limit. */
    private void keep(byte[] buf, int from, int to, List<String> lines) {
        if (skipping) return;
        int rest = to - from;
        if (partialLength + rest > limit) {
            lines.add(TOO_LONG);
            skipping = true;
            partialLength = 0;
            partial = new byte[256]; // give the big buffer back
        } else {
            append(buf, from, rest);
        }
    }

    /** Bytes held of a line not finished yet (at most the limit): for tests. */
    int held() {
        return partialLength;
    }

    private void append(byte[] buf, int from, int length) {
        if (partial.length < partialLength + length)
            partial = Arrays.copyOf(partial, Math.max(partial.length * 2, partialLength + length));
        System.arraycopy(buf, from, partial, partialLength, length);
        partialLength += length;
    }
}
