package org.jexabgp.wire.attribute;

import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireWriter;

/** LOCAL_PREF, RFC 4271 §5.1.5. */
public record LocalPref(long value) implements Attribute {
    static final AttributeCodec CODEC = (body, flags, session) -> {
        // RFC 7606 §7.5: a length other than 4 is malformed
        if (body.remaining() != 4) throw Malformed.attributeLength(5, body.remaining());
        return new LocalPref(body.u32());
    };

    public LocalPref {
        if (value < 0 || value > 0xFFFFFFFFL) throw new IllegalArgumentException("local-preference " + value);
    }

    @Override
    public AttributeCode code() {
        return AttributeCode.LOCAL_PREF;
    }

    @Override
    public int flags() {
        return 0x40;
    }

    @Override
    public void encodeValue(WireWriter out, Negotiated session) {
        out.u32(value);
    }

    @Override
    public void json(JsonSink out) {
        out.field("local-preference", value);
    }

    @Override
    public String text() {
        return "local-preference " + value;
    }
}
