package org.jexabgp.wire.attribute;

import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireWriter;

/**
 * AGGREGATOR, RFC 4271 §5.1.7 (4-byte ASN per RFC 6793). Without ASN4 it goes out with AS_TRANS when the ASN needs four
 * bytes, and {@link Attributes#encode} adds the AS4_AGGREGATOR right after it (wire.md §7).
 */
public record Aggregator(long asn, IpAddress address) implements Attribute {
    static final AttributeCodec CODEC = (body, flags, session) -> {
        // RFC 7606 §7.7: 6 bytes (8 with ASN4), anything else is malformed (attribute discard)
        int size = session.asn4() ? 8 : 6;
        if (body.remaining() != size) throw Malformed.attributeLength(7, body.remaining());
        long asn = session.asn4() ? body.u32() : body.u16();
        return new Aggregator(asn, IpAddress.of(body.bytes(4).toArray()));
    };

    public Aggregator {
        if (asn < 0 || asn > 0xFFFFFFFFL) throw new IllegalArgumentException("asn " + asn);
        if (!address.isV4()) throw new IllegalArgumentException("aggregator address must be IPv4: " + address);
    }

    @Override
    public AttributeCode code() {
        return AttributeCode.AGGREGATOR;
    }

    @Override
    public int flags() {
        return 0xC0;
    }

    @Override
    public void encodeValue(WireWriter out, Negotiated session) {
        if (session.asn4()) out.u32(asn);
        else out.u16((int) (asn > 0xFFFF ? AsPath.AS_TRANS : asn));
        out.bytes(address.bytes());
    }

    @Override
    public void json(JsonSink out) {
        out.field("aggregator", asn + ":" + address);
    }

    @Override
    public String text() {
        return "aggregator ( " + asn + ":" + address + " )";
    }
}
