package org.jexabgp.wire.nlri.mup;

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
 * A BGP-MUP NLRI, draft-mpmz-bess-mup-safi §3.1: {@code architecture(1) route-type(2) length(1) body}. The 3GPP 5G
 * architecture (1) routes ISD (1), DSD (2), Type 1 ST (3) and Type 2 ST (4) are parsed; others are kept opaque
 * (wire.md §5).
 */
public sealed interface Mup extends Nlri permits MupIsd, MupDsd, MupT1st, MupT2st, MupOpaque {
    /** draft-mpmz-bess-mup-safi §3.1: the 3GPP 5G architecture type. */
    int ARCH_3GPP_5G = 1;

    int ISD = 1;
    int DSD = 2;
    int T1ST = 3;
    int T2ST = 4;

    NlriCodec CODEC = new NlriCodec() {
        @Override
        public Nlri decode(WireReader in, Family family, long pathId, Negotiated session) throws Malformed {
            return Mup.decode(in, family);
        }

        @Override
        public boolean carriesPathId() {
            return false;
        }
    };

    int architecture();

    int routeType();

    /** The route type specific part (after the 4-byte header). */
    void encodeBody(WireWriter out);

    /** ExaBGP's JSON {@code "name"}. */
    String name();

    @Override
    default long pathId() {
        return 0;
    }

    @Override
    default void encode(WireWriter out, boolean withPathId) {
        out.u8(architecture()).u16(routeType());
        int at = out.length();
        out.u8(0);
        encodeBody(out);
        out.setU8(at, out.length() - at - 1);
    }

    /** The encoded NLRI: the route's identity and its packing order (wire.md §9.3 step 1, "other types"). */
    @Override
    default Bytes key() {
        WireWriter w = new WireWriter(64);
        encode(w, false);
        return w.toBytes();
    }

    static Mup decode(WireReader in, Family family) throws Malformed {
        int arch = in.u8();
        int type = in.u16();
        int length = in.u8();
        if (in.remaining() < length) throw Malformed.update(10, "mup route of " + length + " bytes overruns");
        WireReader body = in.take(length);
        Mup route;
        if (arch != ARCH_3GPP_5G) route = new MupOpaque(family, arch, type, body.rest());
        else
            route = switch (type) {
                case ISD -> MupIsd.decodeBody(body, family);
                case DSD -> MupDsd.decodeBody(body, family);
                case T1ST -> MupT1st.decodeBody(body, family);
                case T2ST -> MupT2st.decodeBody(body, family);
                default -> new MupOpaque(family, arch, type, body.rest());
            };
        // RFC 7606 §5.3: fields that do not fill the route's length exactly make the NLRI malformed
        if (body.hasRemaining())
            throw Malformed.update(10, "mup route type " + type + " has " + body.remaining() + " extra bytes");
        return route;
    }

    static int addressBytes(Family family) {
        return family.afi().equals(Afi.IPV6) ? 16 : 4;
    }

    /** {@code length(1)} then ceil(length/8) bytes of a prefix of the family's AFI. */
    static Prefix readPrefix(WireReader in, Family family) throws Malformed {
        int size = addressBytes(family);
        int bits = in.u8();
        if (bits > size * 8) throw Malformed.update(10, family.name() + " prefix length " + bits);
        byte[] address = new byte[size];
        in.bytes((bits + 7) / 8).copyTo(address, 0);
        return new Prefix(IpAddress.of(address), bits);
    }

    static void writePrefix(WireWriter out, Prefix p) {
        out.u8(p.length());
        Bytes a = p.address().bytes();
        for (int i = 0; i < p.byteCount(); i++) out.u8(a.u8(i));
    }

    /** {@code length-in-bits(1) address} with a full address of either AFI (T1ST endpoint and source). */
    static IpAddress readAddress(WireReader in, String what) throws Malformed {
        int bits = in.u8();
        if (bits != 32 && bits != 128) throw Malformed.update(10, "mup " + what + " length " + bits);
        return new IpAddress(in.bytes(bits / 8));
    }

    static void check(Family family, IpAddress a) {
        if (!a.afi().equals(family.afi()))
            throw new IllegalArgumentException(a + " is not an address of " + family.name());
    }

    /** json.md §5.6: {@code "name", "arch", "code"} open every MUP object. */
    default void jsonHead(JsonSink out) {
        out.beginObject();
        out.field("name", name());
        out.field("arch", architecture());
        out.field("code", routeType());
    }
}
