package org.jexabgp.wire.attribute;

import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireWriter;

/** ATOMIC_AGGREGATE, RFC 4271 §5.1.6: no value. */
public record AtomicAggregate() implements Attribute {
    public static final AtomicAggregate INSTANCE = new AtomicAggregate();

    static final AttributeCodec CODEC = (body, flags, session) -> {
        // RFC 7606 §7.6: a non-zero length is malformed (attribute discard)
        if (body.remaining() != 0) throw Malformed.attributeLength(6, body.remaining());
        return INSTANCE;
    };

    @Override
    public AttributeCode code() {
        return AttributeCode.ATOMIC_AGGREGATE;
    }

    @Override
    public int flags() {
        return 0x40;
    }

    @Override
    public void encodeValue(WireWriter out, Negotiated session) {}

    @Override
    public void json(JsonSink out) {
        out.field("atomic-aggregate", true);
    }

    @Override
    public String text() {
        return "atomic-aggregate";
    }
}
