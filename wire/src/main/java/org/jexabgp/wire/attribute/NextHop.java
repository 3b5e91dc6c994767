package org.jexabgp.wire.attribute;

import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireWriter;

/**
 * NEXT_HOP, RFC 4271 §5.1.3. Always IPv4 on the wire; ExaBGP shows it as the key of the announce map, never inside
 * {@code "attribute"}.
 */
public record NextHop(IpAddress address) implements Attribute {
    static final AttributeCodec CODEC = (body, flags, session) -> {
        // RFC 7606 §7.3: a length other than 4 is malformed
        if (body.remaining() != 4) throw Malformed.attributeLength(3, body.remaining());
        return new NextHop(IpAddress.of(body.bytes(4).toArray()));
    };

    public NextHop {
        if (!address.isV4()) throw new IllegalArgumentException("the NEXT_HOP attribute is IPv4 only: " + address);
    }

    @Override
    public AttributeCode code() {
        return AttributeCode.NEXT_HOP;
    }

    @Override
    public int flags() {
        return 0x40;
    }

    @Override
    public void encodeValue(WireWriter out, Negotiated session) {
        out.bytes(address.bytes());
    }

    @Override
    public void json(JsonSink out) {
        out.field("next-hop", address.toString());
    }

    @Override
    public String text() {
        return "next-hop " + address;
    }
}
