package org.jexabgp.wire.nlri;

import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;

/**
 * The NLRI bytes of a family we do not parse, kept whole (ARCHITECTURE §1.4: unknown is data). One value holds every
 * NLRI of the attribute since their boundaries are unknown.
 */
public record RawNlri(Family family, Bytes value) implements Nlri {
    /** Takes everything that is left. */
    public static final NlriCodec CODEC = new NlriCodec() {
        @Override
        public Nlri decode(WireReader in, Family family, long pathId, Negotiated session) throws Malformed {
            return new RawNlri(family, in.rest());
        }

        @Override
        public boolean carriesPathId() {
            return false;
        }
    };

    @Override
    public long pathId() {
        return 0;
    }

    @Override
    public void encode(WireWriter out, boolean withPathId) {
        out.bytes(value);
    }

    @Override
    public Bytes key() {
        return value;
    }

    @Override
    public void json(JsonSink out, boolean withPathId) {
        out.beginObject();
        out.field("raw", value.hex());
        out.endObject();
    }

    @Override
    public String text() {
        return "raw 0x" + value.hex();
    }
}
