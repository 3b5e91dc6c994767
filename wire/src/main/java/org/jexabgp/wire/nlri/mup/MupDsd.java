package org.jexabgp.wire.nlri.mup;

import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.nlri.RouteDistinguisher;

/** Direct Segment Discovery route, draft-mpmz-bess-mup-safi §3.1.2: RD, address (4 or 16 bytes, the family's AFI). */
public record MupDsd(Family family, RouteDistinguisher rd, IpAddress address) implements Mup {
    public MupDsd {
        Mup.check(family, address);
    }

    static MupDsd decodeBody(WireReader body, Family family) throws Malformed {
        RouteDistinguisher rd = RouteDistinguisher.decode(body);
        int size = Mup.addressBytes(family);
        if (body.remaining() != size)
            throw Malformed.update(10, family.name() + " dsd address of " + body.remaining() + " bytes");
        return new MupDsd(family, rd, new IpAddress(body.bytes(size)));
    }

    @Override
    public int architecture() {
        return ARCH_3GPP_5G;
    }

    @Override
    public int routeType() {
        return DSD;
    }

    @Override
    public String name() {
        return "DirectSegmentDiscoveryRoute";
    }

    @Override
    public void encodeBody(WireWriter out) {
        rd.encode(out);
        out.bytes(address.bytes());
    }

    @Override
    public void json(JsonSink out, boolean withPathId) {
        jsonHead(out);
        out.field("ip", address.toString());
        rd.json(out);
        out.field("raw", key().hex());
        out.endObject();
    }

    @Override
    public String text() {
        return "mup-dsd " + address + " rd " + rd;
    }
}
