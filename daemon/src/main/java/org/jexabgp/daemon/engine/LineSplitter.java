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
        for (int i = 0; i < n; i++) {
            if (buf[i] != '\n') continue;
            if (skipping) {
                skipping = false;
            } else if (partialLength + i - start > limit) {
                lines.add(TOO_LONG);
            } else if (partialLength > 0) {
                append(buf, start, i - start);
                lines.add(new String(partial, 0, partialLength, StandardCharsets.UTF_8));
            } else {
                lines.add(new String(buf, start, i - start, StandardCharsets.UTF_8));
            }
            partialLength = 0;
            start = i + 1;
        }
        if (start < n && !skipping) {
            int rest = n - start;
            if (partialLength + rest > limit) {
                lines.add(TOO_LONG);
                skipping = true;
                partialLength = 0;
                partial = new byte[256]; // give the big buffer back
            } else {
                append(buf, start, rest);
            }
        }
        return lines;
    }

    private void append(byte[] buf, int from, int length) {
        if (partial.length < partialLength + length)
            partial = Arrays.copyOf(partial, Math.max(partial.length * 2, partialLength + length));
        System.arraycopy(buf, from, partial, partialLength, length);
        partialLength += length;
    }
}
