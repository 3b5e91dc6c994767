package org.jexabgp.wire.attribute;

import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireWriter;

/** AS4_AGGREGATOR, RFC 6793 §3. Merged into AGGREGATOR on receive (RFC 6793 §4.2.3). */
public record As4Aggregator(long asn, IpAddress address) implements Attribute {
    static final AttributeCodec CODEC = (body, flags, session) -> {
        // RFC 6793 §6 / RFC 7606 §7.7: a length other than 8 is malformed (attribute discard)
        if (body.remaining() != 8) throw Malformed.attributeLength(18, body.remaining());
        return new As4Aggregator(body.u32(), IpAddress.of(body.bytes(4).toArray()));
    };

    public As4Aggregator {
        if (asn < 0 || asn > 0xFFFFFFFFL) throw new IllegalArgumentException("asn " + asn);
        if (!address.isV4()) throw new IllegalArgumentException("aggregator address must be IPv4: " + address);
    }

    @Override
    public AttributeCode code() {
        return AttributeCode.AS4_AGGREGATOR;
    }

    @Override
    public int flags() {
        return 0xC0;
    }

    @Override
    public void encodeValue(WireWriter out, Negotiated session) {
        out.u32(asn);
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
