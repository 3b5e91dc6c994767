package org.jexabgp.wire.nlri.bgpls;

import java.util.List;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.nlri.RouteDistinguisher;
import org.jspecify.annotations.Nullable;

/** Node NLRI, RFC 9552 §5.2.1: protocol-id, identifier, Local Node Descriptors. */
public record BgpLsNode(
        Family family,
        Bytes raw,
        @Nullable RouteDistinguisher rd,
        int protocolId,
        long identifier,
        List<NodeDescriptor> nodes)
        implements BgpLs {
    public BgpLsNode {
        nodes = List.copyOf(nodes);
    }

    static BgpLsNode decodeBody(Family family, Bytes raw, @Nullable RouteDistinguisher rd, WireReader body)
            throws Malformed {
        int protocol = body.u8();
        long identifier = body.u64();
        List<NodeDescriptor> nodes = List.of();
        while (body.hasRemaining()) {
            int type = body.u16();
            WireReader value = body.take(body.u16());
            // RFC 9552 §5.2.1: only the Local Node Descriptors belong here; ExaBGP skips anything else
            if (type == LOCAL_NODE) nodes = NodeDescriptor.decodeAll(value);
        }
        return new BgpLsNode(family, raw, rd, protocol, identifier, nodes);
    }

    @Override
    public String shortName() {
        return "node";
    }

    @Override
    public void json(JsonSink out, boolean withPathId, @Nullable String nextHop) {
        BgpLs.jsonHead(out, "bgpls-node", identifier, protocolId);
        BgpLs.jsonNodes(out, "node-descriptors", nodes);
        if (nextHop != null) out.field("nexthop", nextHop);
        if (rd != null) rd.json(out);
        out.endObject();
    }
}
