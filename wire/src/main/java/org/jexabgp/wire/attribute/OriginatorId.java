package org.jexabgp.wire.attribute;

import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireWriter;

/** ORIGINATOR_ID, RFC 4456 §8. */
public record OriginatorId(IpAddress address) implements Attribute {
    static final AttributeCodec CODEC = (body, flags, session) -> {
        // RFC 7606 §7.9: a length other than 4 is malformed
        if (body.remaining() != 4) throw Malformed.attributeLength(9, body.remaining());
        return new OriginatorId(IpAddress.of(body.bytes(4).toArray()));
    };

    public OriginatorId {
        if (!address.isV4()) throw new IllegalArgumentException("originator-id must be IPv4: " + address);
    }

    @Override
    public AttributeCode code() {
        return AttributeCode.ORIGINATOR_ID;
    }

    @Override
    public int flags() {
        return 0x80;
    }

    @Override
    public void encodeValue(WireWriter out, Negotiated session) {
        out.bytes(address.bytes());
    }

    @Override
    public void json(JsonSink out) {
        out.field("originator-id", address.toString());
    }

    @Override
    public String text() {
        return "originator-id " + address;
    }
}
