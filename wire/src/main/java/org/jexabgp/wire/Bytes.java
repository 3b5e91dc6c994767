package org.jexabgp.wire;

import java.util.Arrays;
import java.util.HexFormat;

/** An immutable byte string: the value type for raw wire data held in records (arrays compare by identity). */
public final class Bytes implements Comparable<Bytes> {
    public static final Bytes EMPTY = new Bytes(new byte[0]);
    private static final HexFormat UPPER = HexFormat.of().withUpperCase();

    private final byte[] data;

    private Bytes(byte[] data) {
        this.data = data;
    }

    public static Bytes of(byte... data) {
        return data.length == 0 ? EMPTY : new Bytes(data.clone());
    }

    public static Bytes of(byte[] data, int offset, int length) {
        return length == 0 ? EMPTY : new Bytes(Arrays.copyOfRange(data, offset, offset + length));
    }

    /** Parses hex digits; spaces and colons are ignored, an optional 0x prefix is allowed. */
    public static Bytes fromHex(String hex) {
        String clean = hex.replace(" ", "").replace(":", "");
        if (clean.startsWith("0x") || clean.startsWith("0X")) clean = clean.substring(2);
        return clean.isEmpty() ? EMPTY : new Bytes(HexFormat.of().parseHex(clean));
    }

    /** Takes ownership of the array: the caller must not change it afterwards. */
    static Bytes wrap(byte[] data) {
        return new Bytes(data);
    }

    public int length() {
        return data.length;
    }

    public boolean isEmpty() {
        return data.length == 0;
    }

    public int u8(int index) {
        return data[index] & 0xFF;
    }

    public byte[] toArray() {
        return data.clone();
    }

    public void copyTo(byte[] target, int offset) {
        System.arraycopy(data, 0, target, offset, data.length);
    }

    public WireReader reader() {
        return new WireReader(data, 0, data.length);
    }

    /** Upper-case hex without prefix, as ExaBGP prints raw data. */
    public String hex() {
        return UPPER.formatHex(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes b && Arrays.equals(data, b.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public int compareTo(Bytes o) {
        return Arrays.compareUnsigned(data, o.data);
    }

    @Override
    public String toString() {
        return hex();
    }
}
