package org.jexabgp.wire.nlri.mvpn;

import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.nlri.RouteDistinguisher;

/**
 * C-multicast route, RFC 6514 §4.6: RD, source AS (4), multicast source (or, for a Shared Tree Join, the RP), group.
 * Type 6 is a Shared Tree Join, type 7 a Source Tree Join; they share the layout.
 *
 * @param source the C-source, or the C-RP of a shared tree join
 */
public record McastVpnJoin(
        Family family, int routeType, RouteDistinguisher rd, long sourceAs, IpAddress source, IpAddress group)
        implements McastVpn {
    public McastVpnJoin {
        if (routeType != SHARED_JOIN && routeType != SOURCE_JOIN)
            throw new IllegalArgumentException("a c-multicast route is type 6 or 7, not " + routeType);
        if (sourceAs < 0 || sourceAs > 0xFFFF_FFFFL) throw new IllegalArgumentException("source-as " + sourceAs);
        McastVpn.checkFamily(family, source, group);
    }

    static McastVpnJoin decodeBody(WireReader body, Family family, int type) throws Malformed {
        RouteDistinguisher rd = RouteDistinguisher.decode(body);
        long as = body.u32();
        IpAddress source = McastVpn.readAddress(body, family, "source");
        IpAddress group = McastVpn.readAddress(body, family, "group");
        return new McastVpnJoin(family, type, rd, as, source, group);
    }

    public boolean sharedTree() {
        return routeType == SHARED_JOIN;
    }

    @Override
    public void encodeBody(WireWriter out) {
        rd.encode(out);
        out.u32(sourceAs);
        McastVpn.writeAddress(out, source);
        McastVpn.writeAddress(out, group);
    }

    /** ExaBGP's keys: the RP of a shared join is shown as {@code "source"}, the AS as a string. */
    @Override
    public void json(JsonSink out, boolean withPathId) {
        jsonHead(out, true);
        out.field("name", sharedTree() ? "C-Multicast Shared Tree Join route" : "C-Multicast Source Tree Join route");
        rd.json(out);
        out.field("source-as", Long.toString(sourceAs));
        out.field("source", source.toString());
        out.field("group", group.toString());
        out.endObject();
    }

    /** The configuration statement that announces this route (config.md §12.3). */
    @Override
    public String text() {
        return sharedTree()
                ? "mcast-vpn shared-join rp " + source + " group " + group + " rd " + rd + " source-as " + sourceAs
                : "mcast-vpn source-join source " + source + " group " + group + " rd " + rd + " source-as "
                        + sourceAs;
    }
}
