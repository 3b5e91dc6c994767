package org.jexabgp.wire.nlri.mup;

import org.jexabgp.wire.Family;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.nlri.Prefix;
import org.jexabgp.wire.nlri.RouteDistinguisher;

/** Interwork Segment Discovery route, draft-mpmz-bess-mup-safi §3.1.1: RD, prefix length, prefix. */
public record MupIsd(Family family, RouteDistinguisher rd, Prefix prefix) implements Mup {
    public MupIsd {
        Mup.check(family, prefix.address());
    }

    static MupIsd decodeBody(WireReader body, Family family) throws Malformed {
        RouteDistinguisher rd = RouteDistinguisher.decode(body);
        return new MupIsd(family, rd, Mup.readPrefix(body, family));
    }

    @Override
    public int architecture() {
        return ARCH_3GPP_5G;
    }

    @Override
    public int routeType() {
        return ISD;
    }

    @Override
    public String name() {
        return "InterworkSegmentDiscoveryRoute";
    }

    @Override
    public void encodeBody(WireWriter out) {
        rd.encode(out);
        Mup.writePrefix(out, prefix);
    }

    @Override
    public void json(JsonSink out, boolean withPathId) {
        jsonHead(out);
        out.field("prefix_ip_len", prefix.length());
        out.field("prefix_ip", prefix.address().toString());
        rd.json(out);
        out.field("raw", key().hex());
        out.endObject();
    }

    /** The statement that announces it (config.md §12.4). */
    @Override
    public String text() {
        return "mup-isd " + prefix + " rd " + rd;
    }
}
