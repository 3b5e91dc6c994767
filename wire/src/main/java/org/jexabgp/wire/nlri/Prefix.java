package org.jexabgp.wire.nlri;

import org.jexabgp.wire.Afi;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;

/** An IP prefix: address and mask length. Host bits are kept as given (the syntax layer rejects them). */
public record Prefix(IpAddress address, int length) {
    // Written out: a record's generated equals and hashCode are linked at run time through method handles,
    // milliseconds of every start for each record (issue 9).
    @Override
    public boolean equals(Object o) {
        return o instanceof Prefix p && length == p.length && address.equals(p.address);
    }

    @Override
    public int hashCode() {
        return 31 * address.hashCode() + length;
    }

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

    /**
     * Reads the ceil(length/8) address bytes of a prefix whose length was read by the caller (RFC 4760 §5 layout, also
     * inside labeled and VPN NLRIs). A length past the address size is an invalid network field (RFC 4271 §6.3).
     */
    public static Prefix decode(WireReader in, Afi afi, int length) throws Malformed {
        int size = afi.equals(Afi.IPV6) ? 16 : 4;
        if (length < 0 || length > size * 8) throw Malformed.update(10, "invalid prefix length " + length);
        int n = (length + 7) / 8;
        if (in.remaining() < n)
            throw Malformed.attributeList("prefix /" + length + " needs " + n + " bytes, " + in.remaining() + " left");
        byte[] address = new byte[size];
        in.bytes(n).copyTo(address, 0);
        return new Prefix(IpAddress.of(address), length);
    }

    /** Writes the ceil(length/8) address bytes (no length byte). */
    public void encodeBytes(WireWriter out) {
        Bytes a = address.bytes();
        for (int i = 0; i < byteCount(); i++) out.u8(a.u8(i));
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
