package org.jexabgp.wire.nlri.mvpn;

import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.nlri.RouteDistinguisher;

/** Source Active A-D route, RFC 6514 §4.5: RD, multicast source, multicast group. */
public record McastVpnSourceAd(Family family, RouteDistinguisher rd, IpAddress source, IpAddress group)
        implements McastVpn {
    public McastVpnSourceAd {
        McastVpn.checkFamily(family, source, group);
    }

    static McastVpnSourceAd decodeBody(WireReader body, Family family) throws Malformed {
        RouteDistinguisher rd = RouteDistinguisher.decode(body);
        IpAddress source = McastVpn.readAddress(body, family, "source");
        IpAddress group = McastVpn.readAddress(body, family, "group");
        return new McastVpnSourceAd(family, rd, source, group);
    }

    @Override
    public int routeType() {
        return SOURCE_AD;
    }

    @Override
    public void encodeBody(WireWriter out) {
        rd.encode(out);
        McastVpn.writeAddress(out, source);
        McastVpn.writeAddress(out, group);
    }

    /** json.md §5.6 example. */
    @Override
    public void json(JsonSink out, boolean withPathId) {
        jsonHead(out, true);
        out.field("name", "Source Active A-D Route");
        rd.json(out);
        out.field("source", source.toString());
        out.field("group", group.toString());
        out.endObject();
    }

    /** The configuration statement that announces this route (config.md §12.3). */
    @Override
    public String text() {
        return "mcast-vpn source-ad source " + source + " group " + group + " rd " + rd;
    }
}
