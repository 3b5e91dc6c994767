package org.jexabgp.wire.nlri.evpn;

import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.nlri.RouteDistinguisher;

/** Inclusive Multicast Ethernet Tag route, RFC 7432 §7.3: RD, Ethernet Tag, originating router's IP. */
public record EvpnMulticast(RouteDistinguisher rd, long etag, IpAddress ip) implements Evpn {
    public EvpnMulticast {
        if (etag < 0 || etag > 0xFFFF_FFFFL) throw new IllegalArgumentException("ethernet tag " + etag);
    }

    static EvpnMulticast decodeBody(WireReader body) throws Malformed {
        RouteDistinguisher rd = RouteDistinguisher.decode(body);
        long etag = body.u32();
        IpAddress ip = Evpn.readAddress(body, false);
        return new EvpnMulticast(rd, etag, java.util.Objects.requireNonNull(ip));
    }

    @Override
    public int routeType() {
        return MULTICAST;
    }

    @Override
    public String name() {
        return "Inclusive Multicast Ethernet Tag";
    }

    @Override
    public String shortName() {
        return "Multicast";
    }

    @Override
    public void encodeBody(WireWriter out) {
        rd.encode(out);
        out.u32(etag);
        Evpn.writeAddress(out, ip);
    }

    @Override
    public void encodeKey(WireWriter out) {
        // RFC 7432 §7.3: Ethernet Tag, IP length, originating router's IP: the whole body
        encodeBody(out);
    }

    @Override
    public void json(JsonSink out, boolean withPathId) {
        jsonHead(out);
        rd.json(out);
        out.field("ethernet-tag", etag);
        out.field("ip", ip.toString());
        out.endObject();
    }
}
