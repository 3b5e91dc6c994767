package org.jexabgp.wire.message;

import org.jexabgp.wire.Family;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;

/** ROUTE-REFRESH, RFC 2918 §3 and RFC 7313 §3: AFI(2) subtype(1) SAFI(1). */
public record RouteRefresh(Family family, int subtype) implements Message {
    /** RFC 2918: a normal route refresh request. */
    public static final int REQUEST = 0;
    /** RFC 7313 §3: Beginning of Route Refresh. */
    public static final int BEGIN = 1;
    /** RFC 7313 §3: End of Route Refresh. */
    public static final int END = 2;

    public RouteRefresh {
        if (subtype < 0 || subtype > 0xFF) throw new IllegalArgumentException("route refresh subtype " + subtype);
    }

    public static RouteRefresh request(Family family) {
        return new RouteRefresh(family, REQUEST);
    }

    @Override
    public MessageType type() {
        return MessageType.ROUTE_REFRESH;
    }

    /** ExaBGP's name of the subtype (json.md §5.7). */
    public String subtypeName() {
        return switch (subtype) {
            case REQUEST -> "query";
            case BEGIN -> "begin";
            case END -> "end";
            default -> "unknown";
        };
    }

    static RouteRefresh decode(WireReader body) throws Malformed {
        // RFC 7313 §5: a length other than 4 is "Invalid Message Length" (7/1) ...
        if (body.remaining() != 4)
            throw new Malformed(7, 1, "invalid route-refresh message length of " + body.remaining());
        int afi = body.u16();
        int subtype = body.u8();
        int safi = body.u8();
        // ... and, as ExaBGP, an unknown subtype is "Malformed Message Subtype" (7/2) (wire.md §11)
        if (subtype > END) throw new Malformed(7, 2, "invalid route-refresh subtype " + subtype);
        return new RouteRefresh(Family.of(afi, safi), subtype);
    }

    void encode(WireWriter out) {
        out.u16(family.afi().value()).u8(subtype).u8(family.safi().value());
    }

    /** Writes {@code "route-refresh": { afi, safi, subtype }} (json.md §5.7, the valid-JSON variant). */
    public void json(JsonSink out) {
        out.beginObject("route-refresh")
                .field("afi", family.afi().name())
                .field("safi", family.safi().name())
                .field("subtype", subtypeName())
                .endObject();
    }
}
