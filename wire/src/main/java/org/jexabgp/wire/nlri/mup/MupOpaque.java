package org.jexabgp.wire.nlri.mup;

import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.WireWriter;

/** A MUP route of an architecture or type we do not parse, kept as bytes (wire.md §5). */
public record MupOpaque(Family family, int architecture, int routeType, Bytes body) implements Mup {
    public MupOpaque {
        if (architecture < 0 || architecture > 0xFF) throw new IllegalArgumentException("mup arch " + architecture);
        if (routeType < 0 || routeType > 0xFFFF) throw new IllegalArgumentException("mup route type " + routeType);
        if (body.length() > 0xFF) throw new IllegalArgumentException("mup route longer than 255 bytes");
    }

    @Override
    public String name() {
        return "Unknown";
    }

    @Override
    public void encodeBody(WireWriter out) {
        out.bytes(body);
    }

    /** ExaBGP's generic MUP: {@code { "arch", "code", "raw" }}. */
    @Override
    public void json(JsonSink out, boolean withPathId) {
        out.beginObject();
        out.field("arch", architecture);
        out.field("code", routeType);
        out.field("raw", key().hex());
        out.endObject();
    }

    @Override
    public String text() {
        return "mup arch " + architecture + " code " + routeType + " raw 0x" + body.hex();
    }
}
