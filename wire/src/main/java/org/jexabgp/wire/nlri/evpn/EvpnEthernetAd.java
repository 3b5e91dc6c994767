package org.jexabgp.wire.nlri.evpn;

import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.nlri.Labels;
import org.jexabgp.wire.nlri.RouteDistinguisher;

/** Ethernet Auto-Discovery route, RFC 7432 §7.1: RD, ESI, Ethernet Tag, MPLS label. */
public record EvpnEthernetAd(RouteDistinguisher rd, Esi esi, long etag, Labels label) implements Evpn {
    public EvpnEthernetAd {
        if (etag < 0 || etag > 0xFFFF_FFFFL) throw new IllegalArgumentException("ethernet tag " + etag);
        if (label.size() != 1) throw new IllegalArgumentException("an ethernet a-d route has one label");
    }

    static EvpnEthernetAd decodeBody(WireReader body) throws Malformed {
        return new EvpnEthernetAd(RouteDistinguisher.decode(body), Esi.decode(body), body.u32(), Evpn.readLabels(body, 1));
    }

    @Override
    public int routeType() {
        return ETHERNET_AD;
    }

    @Override
    public String name() {
        return "Ethernet Auto-Discovery";
    }

    @Override
    public String shortName() {
        return "EthernetAD";
    }

    @Override
    public void encodeBody(WireWriter out) {
        rd.encode(out);
        out.bytes(esi.value()).u32(etag);
        label.encode(out);
    }

    @Override
    public void encodeKey(WireWriter out) {
        // RFC 7432 §7.1: ESI and Ethernet Tag; the label is an attribute
        rd.encode(out);
        out.bytes(esi.value()).u32(etag);
    }

    @Override
    public void json(JsonSink out, boolean withPathId) {
        jsonHead(out);
        rd.json(out);
        out.field("esi", esi.toString());
        out.field("ethernet-tag", etag);
        label.json(out);
        out.endObject();
    }
}
