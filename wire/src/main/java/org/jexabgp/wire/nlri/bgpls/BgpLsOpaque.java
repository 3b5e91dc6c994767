package org.jexabgp.wire.nlri.bgpls;

import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.JsonSink;
import org.jspecify.annotations.Nullable;

/** A BGP-LS NLRI type we do not parse, kept as bytes (ARCHITECTURE §1.4). */
public record BgpLsOpaque(Family family, Bytes raw, int type) implements BgpLs {
    @Override
    public String shortName() {
        return "unknown";
    }

    /** ExaBGP's generic form: {@code { "code": 5, "parsed": false, "raw": "<whole NLRI hex>" }}. */
    @Override
    public void json(JsonSink out, boolean withPathId, @Nullable String nextHop) {
        out.beginObject();
        out.field("code", type);
        out.field("parsed", false);
        out.field("raw", raw.hex());
        out.endObject();
    }
}
