package org.jexabgp.wire.nlri.bgpls;

import java.util.Locale;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.Safi;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.nlri.Nlri;
import org.jexabgp.wire.nlri.NlriCodec;
import org.jexabgp.wire.nlri.RouteDistinguisher;
import org.jspecify.annotations.Nullable;

/**
 * A BGP-LS NLRI, RFC 9552 §5.2: {@code type(2) length(2) [RD(8) for bgp-ls-vpn] body}. Node (1), link (2), IPv4
 * prefix (3), IPv6 prefix (4) and SRv6 SID (6, RFC 9514 §6) are parsed; others are kept opaque. Decode only
 * (wire.md §4): every NLRI keeps the bytes it was read from and re-encodes them unchanged.
 */
public sealed interface BgpLs extends Nlri permits BgpLsNode, BgpLsLink, BgpLsPrefix, BgpLsSrv6Sid, BgpLsOpaque {
    int NODE = 1;
    int LINK = 2;
    int PREFIX_V4 = 3;
    int PREFIX_V6 = 4;
    int SRV6_SID = 6;

    /** RFC 9552 §5.2.2 / §5.2.3 descriptor TLV codes. */
    int LOCAL_NODE = 256;

    int REMOTE_NODE = 257;
    int LINK_ID = 258;
    int IPV4_INTERFACE = 259;
    int IPV4_NEIGHBOR = 260;
    int IPV6_INTERFACE = 261;
    int IPV6_NEIGHBOR = 262;
    int MULTI_TOPOLOGY = 263;
    int OSPF_ROUTE_TYPE = 264;
    int IP_REACHABILITY = 265;
    int SRV6_SID_INFORMATION = 518;

    NlriCodec CODEC = new NlriCodec() {
        @Override
        public Nlri decode(WireReader in, Family family, long pathId, Negotiated session) throws Malformed {
            return BgpLs.decode(in, family);
        }

        @Override
        public boolean carriesPathId() {
            return false;
        }
    };

    /** The whole NLRI as received: header, RD and body. */
    Bytes raw();

    @Override
    default long pathId() {
        return 0;
    }

    @Override
    default void encode(WireWriter out, boolean withPathId) {
        out.bytes(raw());
    }

    @Override
    default Bytes key() {
        return raw();
    }

    /** Announcements show their next hop inside node and prefix objects (ExaBGP's {@code "nexthop"}). */
    @Override
    void json(JsonSink out, boolean withPathId, @Nullable String nextHop);

    @Override
    default void json(JsonSink out, boolean withPathId) {
        json(out, withPathId, null);
    }

    /** ExaBGP's short text: {@code bgp-ls:link:0x<body hex>}. */
    @Override
    default String text() {
        return "bgp-ls:" + shortName() + ":0x" + raw().hex().toLowerCase(Locale.ROOT);
    }

    String shortName();

    static BgpLs decode(WireReader in, Family family) throws Malformed {
        int start = in.position();
        byte[] array = in.array();
        int type = in.u16();
        int length = in.u16();
        // ExaBGP slices the body, so a length past the end takes what is there; we read the same NLRI (wire.md §5)
        WireReader body = in.take(Math.min(length, in.remaining()));
        Bytes raw = Bytes.of(array, start, in.position() - start);
        RouteDistinguisher rd = null;
        if (family.safi().equals(Safi.BGP_LS_VPN)) rd = RouteDistinguisher.decode(body);
        return switch (type) {
            case NODE -> BgpLsNode.decodeBody(family, raw, rd, body);
            case LINK -> BgpLsLink.decodeBody(family, raw, rd, body);
            case PREFIX_V4, PREFIX_V6 -> BgpLsPrefix.decodeBody(family, raw, rd, type, body);
            case SRV6_SID -> BgpLsSrv6Sid.decodeBody(family, raw, rd, body);
            default -> new BgpLsOpaque(family, raw, type);
        };
    }

    /** {@code protocol-id(1) identifier(8)}, RFC 9552 §5.2. */
    static void jsonHead(JsonSink out, String name, long identifier, int protocolId) {
        out.beginObject();
        out.field("ls-nlri-type", name);
        out.fieldUnsigned("l3-routing-topology", identifier);
        out.field("protocol-id", protocolId);
    }

    static void jsonNodes(JsonSink out, String key, java.util.List<NodeDescriptor> nodes) {
        out.beginArray(key);
        for (NodeDescriptor d : nodes) d.json(out);
        out.endArray();
    }
}
