package org.jexabgp.wire;

/** A bounded reader: over-reading is impossible, "too short" is a checked {@link Truncated}. */
public final class WireReader {
    private final byte[] data;
    private final int end;
    private int pos;

    public WireReader(byte[] data, int start, int end) {
        if (start < 0 || end > data.length || start > end) throw new IllegalArgumentException("bounds");
        this.data = data;
        this.pos = start;
        this.end = end;
    }

    public static WireReader of(byte[] data) {
        return new WireReader(data, 0, data.length);
    }

    public int u8() throws Truncated {
        require(1);
        return data[pos++] & 0xFF;
    }

    public int u16() throws Truncated {
        require(2);
        int v = (data[pos] & 0xFF) << 8 | (data[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    public int u24() throws Truncated {
        require(3);
        int v = (data[pos] & 0xFF) << 16 | (data[pos + 1] & 0xFF) << 8 | (data[pos + 2] & 0xFF);
        pos += 3;
        return v;
    }

    public long u32() throws Truncated {
        require(4);
        long v = ((long) (data[pos] & 0xFF) << 24)
                | (data[pos + 1] & 0xFF) << 16
                | (data[pos + 2] & 0xFF) << 8
                | (data[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    public long u64() throws Truncated {
        long hi = u32();
        return hi << 32 | u32();
    }

    public Bytes bytes(int n) throws Truncated {
        require(n);
        Bytes b = Bytes.of(data, pos, n);
        pos += n;
        return b;
    }

    public void skip(int n) throws Truncated {
        require(n);
        pos += n;
    }

    /** Hands out the next n bytes as their own reader; a child can never read past them. */
    public WireReader take(int n) throws Truncated {
        require(n);
        WireReader child = new WireReader(data, pos, pos + n);
        pos += n;
        return child;
    }

    /** The byte at offset i from the current position, without consuming it. */
    public int peek(int i) throws Truncated {
        require(i + 1);
        return data[pos + i] & 0xFF;
    }

    public Bytes rest() {
        Bytes b = Bytes.of(data, pos, end - pos);
        pos = end;
        return b;
    }

    public int remaining() {
        return end - pos;
    }

    public boolean hasRemaining() {
        return pos < end;
    }

    /** Position in the underlying array (for in-place views such as prefix blocks). */
    public int position() {
        return pos;
    }

    /** The underlying array; for zero-copy views that keep their own bounds. */
    public byte[] array() {
        return data;
    }

    private void require(int n) throws Truncated {
        if (n < 0 || end - pos < n) throw new Truncated(n, end - pos);
    }
}
