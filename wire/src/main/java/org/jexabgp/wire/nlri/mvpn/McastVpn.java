package org.jexabgp.wire.nlri.mvpn;

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

/**
 * An MCAST-VPN NLRI, RFC 6514 §4 (IPv6: RFC 6515): {@code route-type(1) length(1) body}. Types 5 (Source Active A-D),
 * 6 and 7 (C-multicast Shared/Source Tree Join) are parsed; every other type is kept opaque (wire.md §5).
 */
public sealed interface McastVpn extends Nlri permits McastVpnSourceAd, McastVpnJoin, McastVpnOpaque {
    int SOURCE_AD = 5;
    int SHARED_JOIN = 6;
    int SOURCE_JOIN = 7;

    NlriCodec CODEC = new NlriCodec() {
        @Override
        public Nlri decode(WireReader in, Family family, long pathId, Negotiated session) throws Malformed {
            return McastVpn.decode(in, family);
        }

        @Override
        public boolean carriesPathId() {
            return false;
        }
    };

    /** RFC 6514 §4: the route type. */
    int routeType();

    /** The body after the type and length bytes. */
    void encodeBody(WireWriter out);

    @Override
    default long pathId() {
        return 0;
    }

    @Override
    default void encode(WireWriter out, boolean withPathId) {
        out.u8(routeType());
        int at = out.length();
        out.u8(0);
        encodeBody(out);
        out.setU8(at, out.length() - at - 1);
    }

    /** wire.md §9.3 step 1: "other types" sort by their encoded NLRI, which is also the identity. */
    @Override
    default Bytes key() {
        WireWriter w = new WireWriter(48);
        encode(w, false);
        return w.toBytes();
    }

    static McastVpn decode(WireReader in, Family family) throws Malformed {
        int type = in.u8();
        int length = in.u8();
        if (in.remaining() < length)
            throw Malformed.update(10, "mcast-vpn route of " + length + " bytes overruns the attribute");
        WireReader body = in.take(length);
        McastVpn route =
                switch (type) {
                    case SOURCE_AD -> McastVpnSourceAd.decodeBody(body, family);
                    case SHARED_JOIN, SOURCE_JOIN -> McastVpnJoin.decodeBody(body, family, type);
                    default -> new McastVpnOpaque(family, type, body.rest());
                };
        // RFC 7606 §5.3: a route type whose fields do not fill its length exactly is a malformed NLRI
        if (body.hasRemaining())
            throw Malformed.update(10, "mcast-vpn route type " + type + " has " + body.remaining() + " extra bytes");
        return route;
    }

    /**
     * RFC 6514 §4.4, RFC 6515 §2: {@code length-in-bits(1) address}, a full address of the family's AFI (32 bits for
     * ipv4 mcast-vpn, 128 for ipv6).
     */
    static IpAddress readAddress(WireReader in, Family family, String what) throws Malformed {
        int bits = in.u8();
        int expected = family.afi().equals(Afi.IPV6) ? 128 : 32;
        if (bits != expected)
            throw Malformed.update(10, family.name() + " " + what + " length " + bits + ", expected " + expected);
        return new IpAddress(in.bytes(bits / 8));
    }

    static void writeAddress(WireWriter out, IpAddress a) {
        out.u8(a.bytes().length() * 8).bytes(a.bytes());
    }

    static void checkFamily(Family family, IpAddress... addresses) {
        if (!family.afi().equals(Afi.IPV4) && !family.afi().equals(Afi.IPV6))
            throw new IllegalArgumentException("mcast-vpn is an ipv4 or ipv6 family, not " + family.name());
        for (IpAddress a : addresses)
            if (!a.afi().equals(family.afi()))
                throw new IllegalArgumentException(a + " is not an address of " + family.name());
    }

    /** json.md §5.6: {@code "code", "parsed", "raw"} start every MVPN object. */
    default void jsonHead(JsonSink out, boolean parsed) {
        out.beginObject();
        out.field("code", routeType());
        out.field("parsed", parsed);
        out.field("raw", key().hex());
    }
}
