package org.jexabgp.wire.nlri.inet;

import org.jexabgp.wire.Afi;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.nlri.Nlri;
import org.jexabgp.wire.nlri.NlriCodec;
import org.jexabgp.wire.nlri.Prefix;

/**
 * An IPv4/IPv6 unicast or multicast prefix, RFC 4271 §4.3 and RFC 4760 §5: {@code len} then ceil(len/8) bytes,
 * preceded by a 4-byte path identifier when add-path is in use (RFC 7911 §3).
 */
public record InetNlri(Family family, Prefix prefix, long pathId) implements Nlri {
    public static final NlriCodec CODEC = InetNlri::decode;

    // Written out: a record's generated equals and hashCode are linked at run time through method handles,
    // milliseconds of every start for each record (issue 9).
    @Override
    public boolean equals(Object o) {
        return o instanceof InetNlri n && pathId == n.pathId && prefix.equals(n.prefix) && family.equals(n.family);
    }

    @Override
    public int hashCode() {
        return (family.hashCode() * 31 + prefix.hashCode()) * 31 + Long.hashCode(pathId);
    }

    public InetNlri {
        Afi afi = prefix.address().afi();
        if (!family.afi().equals(afi))
            throw new IllegalArgumentException(prefix + " is not a prefix of " + family.name());
        if (pathId < 0 || pathId > 0xFFFFFFFFL) throw new IllegalArgumentException("path-id " + pathId);
    }

    public static InetNlri of(Family family, String prefix) {
        return new InetNlri(family, Prefix.parse(prefix), 0);
    }

    /** Reads one prefix; a mask longer than the address is an invalid network field (RFC 4271 §6.3, 3/10). */
    public static InetNlri decode(WireReader in, Family family, long pathId, Negotiated session) throws Malformed {
        int size = family.afi().equals(Afi.IPV6) ? 16 : 4;
        int len = in.u8();
        if (len > size * 8)
            throw Malformed.update(10, "invalid prefix length " + len + " for " + family.name());
        int n = (len + 7) / 8;
        if (in.remaining() < n)
            throw Malformed.attributeList("prefix /" + len + " needs " + n + " bytes, " + in.remaining() + " left");
        if (size == 4) {
            // IPv4 as a number: one array for the address instead of three copies
            long address = 0;
            for (int i = 0; i < n; i++) address |= (long) in.u8() << (24 - 8 * i);
            return new InetNlri(family, new Prefix(IpAddress.v4(address), len), pathId);
        }
        byte[] address = new byte[size];
        Bytes b = in.bytes(n);
        b.copyTo(address, 0);
        return new InetNlri(family, new Prefix(IpAddress.of(address), len), pathId);
    }

    @Override
    public void encode(WireWriter out, boolean withPathId) {
        if (withPathId) out.u32(pathId);
        out.u8(prefix.length());
        Bytes a = prefix.address().bytes();
        for (int i = 0; i < prefix.byteCount(); i++) out.u8(a.u8(i));
    }

    /** Path id, mask length, prefix bytes: unsigned order is ExaBGP's packing order (wire.md §9.3). */
    @Override
    public Bytes key() {
        WireWriter w = new WireWriter(4 + 1 + 16);
        encode(w, true);
        return w.toBytes();
    }

    @Override
    public void json(JsonSink out, boolean withPathId) {
        out.beginObject();
        out.field("nlri", prefix.toString());
        if (withPathId) out.field("path-information", IpAddress.v4(pathId).toString());
        out.endObject();
    }

    @Override
    public String text() {
        return pathId == 0 ? prefix.toString() : prefix + " path-information " + IpAddress.v4(pathId);
    }
}
