package org.jexabgp.wire.nlri.evpn;

import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.nlri.RouteDistinguisher;

/** Ethernet Segment route, RFC 7432 §7.4: RD, ESI, originating router's IP. */
public record EvpnSegment(RouteDistinguisher rd, Esi esi, IpAddress ip) implements Evpn {
    static EvpnSegment decodeBody(WireReader body) throws Malformed {
        RouteDistinguisher rd = RouteDistinguisher.decode(body);
        Esi esi = Esi.decode(body);
        return new EvpnSegment(rd, esi, java.util.Objects.requireNonNull(Evpn.readAddress(body, false)));
    }

    @Override
    public int routeType() {
        return SEGMENT;
    }

    @Override
    public String name() {
        return "Ethernet Segment";
    }

    @Override
    public String shortName() {
        return "Segment";
    }

    @Override
    public void encodeBody(WireWriter out) {
        rd.encode(out);
        out.bytes(esi.value());
        Evpn.writeAddress(out, ip);
    }

    @Override
    public void encodeKey(WireWriter out) {
        // RFC 7432 §7.4: ESI, IP length, originating router's IP: the whole body
        encodeBody(out);
    }

    @Override
    public void json(JsonSink out, boolean withPathId) {
        jsonHead(out);
        rd.json(out);
        out.field("esi", esi.toString());
        out.field("ip", ip.toString());
        out.endObject();
    }
}
