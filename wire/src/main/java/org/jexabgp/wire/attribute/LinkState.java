package org.jexabgp.wire.attribute;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;

/**
 * BGP-LS attribute (29), RFC 9552 §5.3: a list of {@code type(2) length(2) value} TLVs describing nodes, links and
 * prefixes. Decode only (wire.md §6). The TLVs are kept as bytes, so what was received re-encodes unchanged; their
 * rendering is {@link LinkStateTlv}.
 */
public record LinkState(List<LinkStateTlv> tlvs) implements Attribute {
    static final AttributeCodec CODEC = (body, flags, session) -> {
        List<LinkStateTlv> tlvs = new ArrayList<>();
        while (body.hasRemaining()) {
            // RFC 9552 §8.2.2: a TLV overrunning the attribute makes it malformed
            if (body.remaining() < 4) throw Malformed.attributeLength(AttributeCode.BGP_LS.value(), body.remaining());
            int type = body.u16();
            int length = body.u16();
            if (body.remaining() < length)
                throw Malformed.attributeLength(AttributeCode.BGP_LS.value(), body.remaining());
            tlvs.add(new LinkStateTlv(type, body.bytes(length)));
        }
        return new LinkState(tlvs);
    };

    public LinkState {
        tlvs = List.copyOf(tlvs);
    }

    /** Reads the attribute body (without its header); for tests and tools. */
    public static LinkState decode(WireReader body) throws Malformed {
        return (LinkState) CODEC.decode(body, 0x80, Negotiated.standalone(0, 0, List.of()));
    }

    @Override
    public AttributeCode code() {
        return AttributeCode.BGP_LS;
    }

    /** RFC 9552 §5.3: optional, non-transitive. */
    @Override
    public int flags() {
        return 0x80;
    }

    @Override
    public void encodeValue(WireWriter out, Negotiated session) {
        for (LinkStateTlv t : tlvs) out.u16(t.type()).u16(t.value().length()).bytes(t.value());
    }

    /**
     * {@code "bgp-ls": { … }}. As ExaBGP does, TLVs are grouped by type in order of first appearance; types that
     * merge (router-ids, SRv6 End.X SIDs) become one list, the others are written one by one, so a repeated type
     * repeats its key (vector bgp-ls-5 has two {@code "sr-adj"}).
     */
    @Override
    public void json(JsonSink out) {
        Map<Integer, List<LinkStateTlv>> byType = new LinkedHashMap<>();
        for (LinkStateTlv t : tlvs) byType.computeIfAbsent(t.type(), k -> new ArrayList<>()).add(t);
        out.beginObject("bgp-ls");
        for (List<LinkStateTlv> group : byType.values()) LinkStateTlv.json(out, group);
        out.endObject();
    }

    @Override
    public String text() {
        StringBuilder sb = new StringBuilder("bgp-ls [");
        for (LinkStateTlv t : tlvs) sb.append(' ').append(t.type()).append(":0x").append(t.value().hex());
        return sb.append(" ]").toString();
    }

    /** The value bytes of the first TLV of a type, or null. */
    public @org.jspecify.annotations.Nullable Bytes first(int type) {
        for (LinkStateTlv t : tlvs) if (t.type() == type) return t.value();
        return null;
    }
}
