package org.jexabgp.wire.nlri.bgpls;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.nlri.RouteDistinguisher;
import org.jspecify.annotations.Nullable;

/**
 * SRv6 SID NLRI, RFC 9514 §6: protocol-id, identifier, Local Node Descriptors, then the SRv6 SID descriptors (518 SID
 * information, 16 bytes; 263 multi-topology; others kept as hex).
 *
 * @param others TLVs we do not parse, in order: each is {@code type(2) value}
 */
public record BgpLsSrv6Sid(
        Family family,
        Bytes raw,
        @Nullable RouteDistinguisher rd,
        int protocolId,
        long identifier,
        List<NodeDescriptor> nodes,
        List<Integer> topologies,
        @Nullable IpAddress sid,
        List<Bytes> others)
        implements BgpLs {
    public BgpLsSrv6Sid {
        nodes = List.copyOf(nodes);
        topologies = List.copyOf(topologies);
        others = List.copyOf(others);
    }

    static BgpLsSrv6Sid decodeBody(Family family, Bytes raw, @Nullable RouteDistinguisher rd, WireReader body)
            throws Malformed {
        int protocol = body.u8();
        long identifier = body.u64();
        List<NodeDescriptor> nodes = List.of();
        List<Integer> topologies = new ArrayList<>();
        List<Bytes> others = new ArrayList<>();
        IpAddress sid = null;
        while (body.hasRemaining()) {
            int tlv = body.u16();
            int length = body.u16();
            WireReader value = body.take(length);
            switch (tlv) {
                case LOCAL_NODE -> nodes = NodeDescriptor.decodeAll(value);
                case MULTI_TOPOLOGY -> {
                    while (value.remaining() >= 2) topologies.add(value.u16() & 0x0FFF);
                }
                case SRV6_SID_INFORMATION -> {
                    if (length != 16) throw Malformed.update(10, "bgp-ls srv6 sid of " + length + " bytes");
                    sid = new IpAddress(value.bytes(16));
                }
                default -> others.add(new org.jexabgp.wire.WireWriter(2 + length)
                        .u16(tlv)
                        .bytes(value.rest())
                        .toBytes());
            }
        }
        return new BgpLsSrv6Sid(family, raw, rd, protocol, identifier, nodes, topologies, sid, others);
    }

    @Override
    public String shortName() {
        return "srv6_sid";
    }

    @Override
    public void json(JsonSink out, boolean withPathId, @Nullable String nextHop) {
        BgpLs.jsonHead(out, "bgpls-srv6sid", identifier, protocolId);
        BgpLs.jsonNodes(out, "node-descriptors", nodes);
        out.beginObject("srv6-sid-descriptors");
        out.beginArray("multi-topology-ids");
        for (int t : topologies) out.value(t);
        out.endArray();
        if (sid != null) out.field("srv6-sid", sid.toString());
        // ExaBGP groups unknown descriptors by type: "generic-tlv-<type>": [ "0x…" ]
        java.util.Map<Integer, List<String>> generic = new java.util.LinkedHashMap<>();
        for (Bytes b : others)
            generic.computeIfAbsent(b.u8(0) << 8 | b.u8(1), k -> new ArrayList<>())
                    .add("0x" + Bytes.of(b.toArray(), 2, b.length() - 2).hex().toUpperCase(Locale.ROOT));
        for (var e : generic.entrySet()) {
            out.beginArray("generic-tlv-" + e.getKey());
            for (String s : e.getValue()) out.value(s);
            out.endArray();
        }
        out.endObject();
        if (rd != null) rd.json(out);
        out.endObject();
    }
}
