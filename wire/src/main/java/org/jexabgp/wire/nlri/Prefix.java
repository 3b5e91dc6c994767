package org.jexabgp.wire.nlri;

import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.IpAddress;

/** An IP prefix: address and mask length. Host bits are kept as given (the syntax layer rejects them). */
public record Prefix(IpAddress address, int length) {
    public Prefix {
        int max = address.isV4() ? 32 : 128;
        if (length < 0 || length > max) throw new IllegalArgumentException("invalid mask length " + length);
    }

    /** Parses {@code a.b.c.d[/len]} or {@code ipv6[/len]}; no length means a host route. */
    public static Prefix parse(String text) {
        int slash = text.indexOf('/');
        IpAddress ip = IpAddress.parse(slash < 0 ? text : text.substring(0, slash));
        int len = slash < 0 ? (ip.isV4() ? 32 : 128) : Integer.parseInt(text.substring(slash + 1));
        return new Prefix(ip, len);
    }

    /** Bytes on the wire after the length byte: ceil(length / 8). */
    public int byteCount() {
        return (length + 7) / 8;
    }

    /** True when no bit past the mask is set. */
    public boolean hostBitsClear() {
        Bytes b = address.bytes();
        for (int bit = length; bit < b.length() * 8; bit++) {
            if ((b.u8(bit / 8) & (0x80 >>> (bit % 8))) != 0) return false;
        }
        return true;
    }

    @Override
    public String toString() {
        return address + "/" + length;
    }
}
