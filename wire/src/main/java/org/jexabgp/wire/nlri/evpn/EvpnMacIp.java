package org.jexabgp.wire.nlri.evpn;

import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.nlri.Labels;
import org.jexabgp.wire.nlri.RouteDistinguisher;
import org.jspecify.annotations.Nullable;

/**
 * MAC/IP Advertisement route, RFC 7432 §7.2: RD, ESI, Ethernet Tag, MAC length (48), MAC, IP length (0/32/128), IP,
 * MPLS Label1 and an optional Label2.
 */
public record EvpnMacIp(RouteDistinguisher rd, Esi esi, long etag, Mac mac, @Nullable IpAddress ip, Labels labels)
        implements Evpn {
    public EvpnMacIp {
        if (etag < 0 || etag > 0xFFFF_FFFFL) throw new IllegalArgumentException("ethernet tag " + etag);
        if (labels.size() < 1 || labels.size() > 2) throw new IllegalArgumentException("a mac/ip route has 1 or 2 labels");
    }

    static EvpnMacIp decodeBody(WireReader body) throws Malformed {
        RouteDistinguisher rd = RouteDistinguisher.decode(body);
        Esi esi = Esi.decode(body);
        long etag = body.u32();
        int macBits = body.u8();
        // RFC 7432 §7.2: the MAC Address Length is 48
        if (macBits != 48) throw Malformed.update(10, "evpn mac length " + macBits);
        Mac mac = new Mac(body.bytes(6));
        IpAddress ip = Evpn.readAddress(body, true);
        return new EvpnMacIp(rd, esi, etag, mac, ip, Evpn.readLabels(body, 2));
    }

    @Override
    public int routeType() {
        return MAC_IP;
    }

    @Override
    public String name() {
        return "MAC/IP advertisement";
    }

    @Override
    public String shortName() {
        return "MACAdv";
    }

    @Override
    public void encodeBody(WireWriter out) {
        rd.encode(out);
        out.bytes(esi.value()).u32(etag).u8(48).bytes(mac.value());
        Evpn.writeAddress(out, ip);
        labels.encode(out);
    }

    /** json.md §5.6, vector bgp-evpn-1; {@code "ip"} only when the route has one. */
    @Override
    public void encodeKey(WireWriter out) {
        // RFC 7432 §7.2: Ethernet Tag, MAC length, MAC, IP length, IP; ESI and labels are attributes
        rd.encode(out);
        out.u32(etag).u8(48).bytes(mac.value());
        Evpn.writeAddress(out, ip);
    }

    @Override
    public void json(JsonSink out, boolean withPathId) {
        jsonHead(out);
        rd.json(out);
        out.field("esi", esi.toString());
        out.field("ethernet-tag", etag);
        out.field("mac", mac.toString());
        labels.json(out);
        if (ip != null) out.field("ip", ip.toString());
        out.endObject();
    }
}
