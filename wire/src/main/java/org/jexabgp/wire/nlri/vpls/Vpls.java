package org.jexabgp.wire.nlri.vpls;

import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.nlri.Nlri;
import org.jexabgp.wire.nlri.NlriCodec;
import org.jexabgp.wire.nlri.RouteDistinguisher;

/**
 * A VPLS NLRI, RFC 4761 §3.2.2: {@code length(2)=17}, RD(8), VE ID ("endpoint", 2), VE block offset (2), VE block size
 * (2), label base (3: {@code base << 4 | 1}, the bottom-of-stack bit set as ExaBGP sends it). wire.md §5.
 *
 * @param base the 20-bit label base
 */
public record Vpls(RouteDistinguisher rd, int endpoint, int offset, int size, int base) implements Nlri {
    /** RFC 4761 §3.2.2: RD + VE ID + offset + size + label base. */
    public static final int LENGTH = 17;

    public static final NlriCodec CODEC = new NlriCodec() {
        @Override
        public Nlri decode(WireReader in, Family family, long pathId, Negotiated session) throws Malformed {
            return Vpls.decode(in);
        }

        /** ExaBGP sends no path identifier for VPLS (wire.md §5: only INET, labeled and VPN types carry one). */
        @Override
        public boolean carriesPathId() {
            return false;
        }
    };

    public Vpls {
        check("endpoint", endpoint, 0xFFFF);
        check("offset", offset, 0xFFFF);
        check("size", size, 0xFFFF);
        check("base", base, 0xFFFFF);
    }

    private static void check(String what, int value, int max) {
        if (value < 0 || value > max) throw new IllegalArgumentException("vpls " + what + " " + value);
    }

    /**
     * A length below 17 cannot hold the fields (RFC 7606 §5.3: NLRI errors are malformed UPDATEs, 3/10); a longer one
     * is read for its first 17 bytes and the rest skipped, as ExaBGP does.
     */
    public static Vpls decode(WireReader in) throws Malformed {
        int length = in.u16();
        if (length < LENGTH) throw Malformed.update(10, "l2vpn vpls length is " + length + ", it needs " + LENGTH);
        if (in.remaining() < length)
            throw Malformed.update(10, "l2vpn vpls length " + length + " overruns the attribute");
        WireReader body = in.take(length);
        RouteDistinguisher rd = RouteDistinguisher.decode(body);
        int endpoint = body.u16();
        int offset = body.u16();
        int size = body.u16();
        int base = body.u24() >>> 4;
        return new Vpls(rd, endpoint, offset, size, base);
    }

    @Override
    public Family family() {
        return VplsFamily.FAMILY;
    }

    @Override
    public long pathId() {
        return 0;
    }

    @Override
    public void encode(WireWriter out, boolean withPathId) {
        out.u16(LENGTH);
        rd.encode(out);
        out.u16(endpoint).u16(offset).u16(size).u24(base << 4 | 1);
    }

    /** The whole encoded NLRI, as ExaBGP's index: every field takes part in the route's identity. */
    @Override
    public Bytes key() {
        WireWriter w = new WireWriter(LENGTH + 2);
        encode(w, false);
        return w.toBytes();
    }

    /** json.md §5.6: {@code { "rd", "endpoint", "base", "offset", "size" }}. */
    @Override
    public void json(JsonSink out, boolean withPathId) {
        out.beginObject();
        rd.json(out);
        out.field("endpoint", endpoint);
        out.field("base", base);
        out.field("offset", offset);
        out.field("size", size);
        out.endObject();
    }

    /** json.md §8: {@code vpls rd 192.168.201.1:123 endpoint 5 base 10702 offset 1 size 8}. */
    @Override
    public String text() {
        return "vpls rd " + rd + " endpoint " + endpoint + " base " + base + " offset " + offset + " size " + size;
    }
}
