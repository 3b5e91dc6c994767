package org.jexabgp.wire.attribute;

import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;

/**
 * ACCUMULATED IGP METRIC, RFC 7311 §3: a list of TLVs {@code type(1) length(2) value}, the length counting the
 * three header bytes. Only TLV type 1 (the AIGP metric, 8 bytes) is defined; it is the only one we send and keep.
 *
 * @param metric the accumulated metric, an unsigned 64-bit value held in a long
 */
public record Aigp(long metric) implements Attribute {
    /** RFC 7311 §3: the AIGP TLV type. */
    public static final int TLV_AIGP = 1;
    /** RFC 7311 §3: type (1) + length (2) + metric (8). */
    public static final int TLV_LENGTH = 11;

    /**
     * ExaBGP's decoder raises on every AIGP it receives with {@code capability aigp} on (wire.md §12); we read the
     * TLVs as RFC 7311 §3 defines them. TLVs of other types are skipped (§3: "ignored"); a TLV overrunning the
     * attribute, a type 1 TLV of the wrong length, or no type 1 TLV is malformed.
     */
    static final AttributeCodec CODEC = (body, flags, session) -> decode(body);

    public static Aigp decode(WireReader body) throws Malformed {
        Long metric = null;
        while (body.hasRemaining()) {
            if (body.remaining() < 3) throw Malformed.attributeLength(AttributeCode.AIGP.value(), body.remaining());
            int type = body.u8();
            int length = body.u16();
            if (length < 3 || length - 3 > body.remaining())
                throw Malformed.attributeLength(AttributeCode.AIGP.value(), length);
            WireReader value = body.take(length - 3);
            if (type != TLV_AIGP) continue;
            if (length != TLV_LENGTH) throw Malformed.attributeLength(AttributeCode.AIGP.value(), length);
            // RFC 7311 §3.1: only the first AIGP TLV counts
            if (metric == null) metric = value.u64();
        }
        if (metric == null) throw Malformed.attributeLength(AttributeCode.AIGP.value(), 0);
        return new Aigp(metric);
    }

    @Override
    public AttributeCode code() {
        return AttributeCode.AIGP;
    }

    /** RFC 7311 §3: optional, non-transitive. */
    @Override
    public int flags() {
        return 0x80;
    }

    @Override
    public void encodeValue(WireWriter out, Negotiated session) {
        out.u8(TLV_AIGP).u16(TLV_LENGTH).u64(metric);
    }

    @Override
    public void json(JsonSink out) {
        out.fieldUnsigned("aigp", metric);
    }

    @Override
    public String text() {
        return "aigp " + Long.toUnsignedString(metric);
    }
}
