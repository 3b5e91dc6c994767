package org.jexabgp.wire.nlri.bgpls;

import java.util.ArrayList;
import java.util.List;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.nlri.RouteDistinguisher;
import org.jspecify.annotations.Nullable;

/**
 * Link NLRI, RFC 9552 §5.2.2: protocol-id, identifier, Local and Remote Node Descriptors, then the link descriptors
 * (§5.2.2: 258 link local/remote identifiers, 259/260 IPv4 interface/neighbour, 261/262 IPv6, 263 multi-topology).
 *
 * @param linkIds each entry is {@code local << 32 | remote}
 */
public record BgpLsLink(
        Family family,
        Bytes raw,
        @Nullable RouteDistinguisher rd,
        int protocolId,
        long identifier,
        List<NodeDescriptor> local,
        List<NodeDescriptor> remote,
        List<IpAddress> interfaces,
        List<IpAddress> neighbors,
        List<Integer> topologies,
        List<Long> linkIds)
        implements BgpLs {
    public BgpLsLink {
        local = List.copyOf(local);
        remote = List.copyOf(remote);
        interfaces = List.copyOf(interfaces);
        neighbors = List.copyOf(neighbors);
        topologies = List.copyOf(topologies);
        linkIds = List.copyOf(linkIds);
    }

    static BgpLsLink decodeBody(Family family, Bytes raw, @Nullable RouteDistinguisher rd, WireReader body)
            throws Malformed {
        int protocol = body.u8();
        long identifier = body.u64();
        List<NodeDescriptor> local = List.of(), remote = List.of();
        List<IpAddress> interfaces = new ArrayList<>(), neighbors = new ArrayList<>();
        List<Integer> topologies = new ArrayList<>();
        List<Long> linkIds = new ArrayList<>();
        while (body.hasRemaining()) {
            int type = body.u16();
            int length = body.u16();
            WireReader value = body.take(length);
            switch (type) {
                case LOCAL_NODE -> local = NodeDescriptor.decodeAll(value);
                case REMOTE_NODE -> remote = NodeDescriptor.decodeAll(value);
                case LINK_ID -> {
                    if (length != 8) throw Malformed.update(10, "bgp-ls link identifiers of " + length + " bytes");
                    linkIds.add(value.u32() << 32 | value.u32());
                }
                case IPV4_INTERFACE, IPV4_NEIGHBOR, IPV6_INTERFACE, IPV6_NEIGHBOR -> {
                    int size = type <= IPV4_NEIGHBOR ? 4 : 16;
                    if (length != size) throw Malformed.update(10, "bgp-ls address TLV " + type + " of " + length);
                    IpAddress a = new IpAddress(value.bytes(size));
                    (type == IPV4_INTERFACE || type == IPV6_INTERFACE ? interfaces : neighbors).add(a);
                }
                // RFC 9552 §5.2.2.1: 2 bytes per topology, the 12 low bits are the MT-ID
                case MULTI_TOPOLOGY -> {
                    while (value.remaining() >= 2) topologies.add(value.u16() & 0x0FFF);
                }
                default -> {} // RFC 9552 §5.2: unknown descriptors are ignored (ExaBGP drops them too)
            }
        }
        return new BgpLsLink(
                family, raw, rd, protocol, identifier, local, remote, interfaces, neighbors, topologies, linkIds);
    }

    @Override
    public String shortName() {
        return "link";
    }

    /** ExaBGP 5's plural lists, always present (json.md §5.6, vector bgp-ls-2); no {@code "nexthop"} here. */
    @Override
    public void json(JsonSink out, boolean withPathId, @Nullable String nextHop) {
        BgpLs.jsonHead(out, "bgpls-link", identifier, protocolId);
        BgpLs.jsonNodes(out, "local-node-descriptors", local);
        BgpLs.jsonNodes(out, "remote-node-descriptors", remote);
        out.beginArray("interface-addresses");
        for (IpAddress a : interfaces) out.value(a.toString());
        out.endArray();
        out.beginArray("neighbor-addresses");
        for (IpAddress a : neighbors) out.value(a.toString());
        out.endArray();
        out.beginArray("multi-topology-ids");
        for (int t : topologies) out.value(t);
        out.endArray();
        // ExaBGP quirk kept because vectors bgp-ls-6 and bgp-ls-10 depend on it: the list stays empty even when the
        // NLRI carries TLV 258; the identifiers are kept in linkIds() (docs/differences.md)
        out.beginArray("link-identifiers");
        out.endArray();
        if (rd != null) rd.json(out);
        out.endObject();
    }
}
