package org.jexabgp.wire.attribute;

import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireWriter;

/** MULTI_EXIT_DISC, RFC 4271 §5.1.4. */
public record Med(long value) implements Attribute {
    // Written out: a record's generated equals and hashCode are linked at run time through method handles,
    // milliseconds of every start for each record (issue 9).
    @Override
    public boolean equals(Object o) {
        return o instanceof Med m && value == m.value;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value);
    }

    static final AttributeCodec CODEC = (body, flags, session) -> {
        // RFC 7606 §7.4: a length other than 4 is malformed
        if (body.remaining() != 4) throw Malformed.attributeLength(4, body.remaining());
        return new Med(body.u32());
    };

    public Med {
        if (value < 0 || value > 0xFFFFFFFFL) throw new IllegalArgumentException("med " + value);
    }

    @Override
    public AttributeCode code() {
        return AttributeCode.MED;
    }

    @Override
    public int flags() {
        return 0x80;
    }

    @Override
    public void encodeValue(WireWriter out, Negotiated session) {
        out.u32(value);
    }

    @Override
    public void json(JsonSink out) {
        out.field("med", value);
    }

    @Override
    public String text() {
        return "med " + value;
    }
}
