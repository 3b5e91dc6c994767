package org.jexabgp.core.config;

import java.util.Arrays;
import java.util.Objects;

/**
 * One physical line of a configuration, as {@link LineReader} gives it: its characters where they are, in the reader's
 * buffer when the line is whole in it, else copied here. Valid until the next line is read. Issue 9: read through a
 * {@code StringBuilder}, whose every {@code charAt} checks its coder and bounds twice, a static route's line cost
 * twice as much to parse.
 */
final class LineBuffer implements CharSequence {
    private char[] chars;
    private int offset;
    private int length;
    /** This line's own storage, for lines that span two of the reader's buffers. */
    private char[] own = new char[128];

    LineBuffer() {
        chars = own;
    }

    /** The line is {@code buffer[from, from + count)}, left where it is. */
    void view(char[] buffer, int from, int count) {
        chars = buffer;
        offset = from;
        length = count;
    }

    /** The line is empty and in its own storage, to be appended to. */
    void clear() {
        chars = own;
        offset = 0;
        length = 0;
    }

    /** Appends characters to a line begun with {@link #clear()}. */
    void append(char[] buffer, int from, int count) {
        if (length + count > own.length) own = Arrays.copyOf(own, Math.max(length + count, own.length * 2));
        System.arraycopy(buffer, from, own, length, count);
        chars = own;
        length += count;
    }

    /** Copies the characters {@code [from, to)} of this line into {@code dest} at {@code at}. */
    void copyTo(int from, int to, char[] dest, int at) {
        Objects.checkFromToIndex(from, to, length);
        System.arraycopy(chars, offset + from, dest, at, to - from);
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        Objects.checkIndex(index, length);
        return chars[offset + index];
    }

    @Override
    public String subSequence(int start, int end) {
        Objects.checkFromToIndex(start, end, length);
        return new String(chars, offset + start, end - start);
    }

    @Override
    public String toString() {
        return new String(chars, offset, length);
    }
}
