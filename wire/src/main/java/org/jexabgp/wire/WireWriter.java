package org.jexabgp.wire;

import java.util.Arrays;

/** A growable big-endian byte buffer. Reusable: {@link #reset()} keeps the storage. */
public final class WireWriter {
    private byte[] buf;
    private int len;

    public WireWriter() {
        this(256);
    }

    public WireWriter(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    public WireWriter u8(int v) {
        ensure(1);
        buf[len++] = (byte) v;
        return this;
    }

    public WireWriter u16(int v) {
        ensure(2);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
        return this;
    }

    public WireWriter u24(int v) {
        ensure(3);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
        return this;
    }

    public WireWriter u32(long v) {
        ensure(4);
        buf[len++] = (byte) (v >>> 24);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
        return this;
    }

    public WireWriter u64(long v) {
        u32(v >>> 32);
        return u32(v & 0xFFFFFFFFL);
    }

    public WireWriter bytes(Bytes b) {
        ensure(b.length());
        b.copyTo(buf, len);
        len += b.length();
        return this;
    }

    public WireWriter bytes(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
        return this;
    }

    public WireWriter bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    public WireWriter writer(WireWriter other) {
        return bytes(other.buf, 0, other.len);
    }

    /** Overwrites a u8 already written at position at (for lengths known only afterwards). */
    public void setU8(int at, int v) {
        buf[at] = (byte) v;
    }

    public void setU16(int at, int v) {
        buf[at] = (byte) (v >>> 8);
        buf[at + 1] = (byte) v;
    }

    public int length() {
        return len;
    }

    public void reset() {
        len = 0;
    }

    /** Drops everything after the first n bytes. */
    public void truncate(int n) {
        if (n < 0 || n > len) throw new IllegalArgumentException("truncate " + n);
        len = n;
    }

    public byte[] array() {
        return buf;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    public Bytes toBytes() {
        return Bytes.wrap(toByteArray());
    }

    private void ensure(int n) {
        if (len + n > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
    }
}
