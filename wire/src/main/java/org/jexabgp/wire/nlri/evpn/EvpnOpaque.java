package org.jexabgp.wire.nlri.evpn;

import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.WireWriter;

/** An EVPN route type we do not parse, kept as bytes (wire.md §5). */
public record EvpnOpaque(int routeType, Bytes body) implements Evpn {
    public EvpnOpaque {
        if (routeType < 0 || routeType > 0xFF) throw new IllegalArgumentException("evpn route type " + routeType);
        if (body.length() > 0xFF) throw new IllegalArgumentException("evpn route longer than 255 bytes");
    }

    @Override
    public String name() {
        return "Unknown";
    }

    @Override
    public String shortName() {
        return "unknown";
    }

    @Override
    public void encodeBody(WireWriter out) {
        out.bytes(body);
    }

    /** ExaBGP's generic EVPN: {@code { "code": 8, "parsed": false, "raw": "…" }} (vector bgp-evpn-1). */
    @Override
    public void encodeKey(WireWriter out) {
        // an unknown route type: nothing tells which fields are attributes, so all of them are the route
        encodeBody(out);
    }

    @Override
    public void json(JsonSink out, boolean withPathId) {
        out.beginObject().field("code", routeType).field("parsed", false).field("raw", packed().hex()).endObject();
    }
}
