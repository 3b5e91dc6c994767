package org.jexabgp.wire.nlri.evpn;

import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.nlri.Labels;
import org.jexabgp.wire.nlri.RouteDistinguisher;

/**
 * IP Prefix route, RFC 9136 §3.1: RD, ESI, Ethernet Tag, prefix length, prefix (4 or 16 bytes, always whole), gateway
 * (same family), MPLS label. The route length (34 or 58) tells the family.
 */
public record EvpnPrefix(
        RouteDistinguisher rd, Esi esi, long etag, IpAddress ip, int length, IpAddress gateway, Labels label)
        implements Evpn {
    public EvpnPrefix {
        if (etag < 0 || etag > 0xFFFF_FFFFL) throw new IllegalArgumentException("ethernet tag " + etag);
        if (!ip.afi().equals(gateway.afi())) throw new IllegalArgumentException("evpn prefix and gateway differ");
        if (length < 0 || length > ip.bytes().length() * 8) throw new IllegalArgumentException("prefix length " + length);
        if (label.size() != 1) throw new IllegalArgumentException("an ip prefix route has one label");
    }

    static EvpnPrefix decodeBody(WireReader body) throws Malformed {
        // RFC 9136 §3.1: 34 bytes for IPv4, 58 for IPv6
        int size = switch (body.remaining()) {
            case 34 -> 4;
            case 58 -> 16;
            default -> throw Malformed.update(10, "evpn ip prefix route of " + body.remaining() + " bytes");
        };
        RouteDistinguisher rd = RouteDistinguisher.decode(body);
        Esi esi = Esi.decode(body);
        long etag = body.u32();
        int length = body.u8();
        if (length > size * 8) throw Malformed.update(10, "evpn ip prefix length " + length);
        IpAddress ip = new IpAddress(body.bytes(size));
        IpAddress gateway = new IpAddress(body.bytes(size));
        return new EvpnPrefix(rd, esi, etag, ip, length, gateway, Evpn.readLabels(body, 1));
    }

    @Override
    public int routeType() {
        return PREFIX;
    }

    @Override
    public String name() {
        return "IP Prefix Advertisement";
    }

    @Override
    public String shortName() {
        return "PrfxAdv";
    }

    @Override
    public void encodeBody(WireWriter out) {
        rd.encode(out);
        out.bytes(esi.value()).u32(etag).u8(length).bytes(ip.bytes()).bytes(gateway.bytes());
        label.encode(out);
    }

    @Override
    public void encodeKey(WireWriter out) {
        // RFC 9136 §3.1: Ethernet Tag, prefix length, prefix; ESI, gateway and label are attributes
        rd.encode(out);
        out.u32(etag).u8(length).bytes(ip.bytes());
    }

    @Override
    public void json(JsonSink out, boolean withPathId) {
        jsonHead(out);
        rd.json(out);
        out.field("esi", esi.toString());
        out.field("ethernet-tag", etag);
        label.json(out);
        out.field("ip", ip.toString());
        out.field("iplen", length);
        out.field("gateway", gateway.toString());
        out.endObject();
    }
}
