package org.jexabgp.wire.nlri.mvpn;

import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.WireWriter;

/** An MCAST-VPN route type we do not parse (RFC 6514 types 1–4 and unknown ones), kept as bytes (wire.md §5). */
public record McastVpnOpaque(Family family, int routeType, Bytes body) implements McastVpn {
    public McastVpnOpaque {
        if (routeType < 0 || routeType > 0xFF) throw new IllegalArgumentException("mcast-vpn route type " + routeType);
        if (body.length() > 0xFF) throw new IllegalArgumentException("mcast-vpn route longer than 255 bytes");
    }

    @Override
    public void encodeBody(WireWriter out) {
        out.bytes(body);
    }

    @Override
    public void json(JsonSink out, boolean withPathId) {
        jsonHead(out, false);
        out.endObject();
    }

    @Override
    public String text() {
        return "mcast-vpn route-type " + routeType + " raw 0x" + body.hex();
    }
}
