package org.jexabgp.wire.nlri.bgpls;

import java.util.ArrayList;
import java.util.List;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.nlri.Prefix;
import org.jexabgp.wire.nlri.RouteDistinguisher;
import org.jspecify.annotations.Nullable;

/**
 * IPv4 (type 3) or IPv6 (type 4) Prefix NLRI, RFC 9552 §5.2.3: protocol-id, identifier, Local Node Descriptors,
 * then 263 multi-topology, 264 OSPF route type and 265 IP reachability ({@code length(1) prefix bytes}).
 *
 * @param ospfRouteType the OSPF route type, or -1 when absent
 */
public record BgpLsPrefix(
        Family family,
        Bytes raw,
        @Nullable RouteDistinguisher rd,
        int type,
        int protocolId,
        long identifier,
        List<NodeDescriptor> nodes,
        List<Integer> topologies,
        int ospfRouteType,
        @Nullable Prefix prefix)
        implements BgpLs {
    public BgpLsPrefix {
        if (type != PREFIX_V4 && type != PREFIX_V6) throw new IllegalArgumentException("bgp-ls prefix type " + type);
        nodes = List.copyOf(nodes);
        topologies = List.copyOf(topologies);
    }

    static BgpLsPrefix decodeBody(
            Family family, Bytes raw, @Nullable RouteDistinguisher rd, int type, WireReader body) throws Malformed {
        int protocol = body.u8();
        long identifier = body.u64();
        List<NodeDescriptor> nodes = List.of();
        List<Integer> topologies = new ArrayList<>();
        int routeType = -1;
        Prefix prefix = null;
        while (body.hasRemaining()) {
            int tlv = body.u16();
            int length = body.u16();
            WireReader value = body.take(length);
            switch (tlv) {
                case LOCAL_NODE -> nodes = NodeDescriptor.decodeAll(value);
                case MULTI_TOPOLOGY -> {
                    while (value.remaining() >= 2) topologies.add(value.u16() & 0x0FFF);
                }
                case OSPF_ROUTE_TYPE -> {
                    if (length != 1) throw Malformed.update(10, "bgp-ls ospf route type of " + length + " bytes");
                    routeType = value.u8();
                }
                case IP_REACHABILITY -> prefix = reachability(value, type == PREFIX_V4 ? 4 : 16);
                default -> {} // RFC 9552 §5.2: unknown descriptors are ignored
            }
        }
        return new BgpLsPrefix(family, raw, rd, type, protocol, identifier, nodes, topologies, routeType, prefix);
    }

    /** RFC 9552 §5.2.3.2: prefix length in bits, then only the significant bytes. */
    private static Prefix reachability(WireReader value, int size) throws Malformed {
        int bits = value.u8();
        int bytes = (bits + 7) / 8;
        if (bits > size * 8 || value.remaining() != bytes)
            throw Malformed.update(10, "bgp-ls ip reachability /" + bits + " in " + value.remaining() + " bytes");
        byte[] address = new byte[size];
        value.bytes(bytes).copyTo(address, 0);
        return new Prefix(IpAddress.of(address), bits);
    }

    @Override
    public String shortName() {
        return type == PREFIX_V4 ? "prefix_v4" : "prefix_v6";
    }

    @Override
    public void json(JsonSink out, boolean withPathId, @Nullable String nextHop) {
        BgpLs.jsonHead(out, type == PREFIX_V4 ? "bgpls-prefix-v4" : "bgpls-prefix-v6", identifier, protocolId);
        BgpLs.jsonNodes(out, "node-descriptors", nodes);
        if (prefix != null) {
            out.field("ip-reachability-tlv", prefix.address().toString());
            out.field("ip-reach-prefix", prefix.address() + "/" + prefix.length());
        }
        if (nextHop != null) out.field("nexthop", nextHop);
        if (ospfRouteType >= 0) out.field("ospf-route-type", ospfRouteType);
        if (rd != null) rd.json(out);
        out.endObject();
    }
}
