package org.jexabgp.wire.attribute;

import java.util.ArrayList;
import java.util.List;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireWriter;

/** LARGE_COMMUNITY, RFC 8092. Sorted and deduplicated as ExaBGP sends them (wire.md §13.10). */
public record LargeCommunities(List<LargeCommunity> values) implements Attribute {
    // Written out: a record's generated equals and hashCode are linked at run time through method handles,
    // milliseconds of every start for each record (issue 9).
    @Override
    public boolean equals(Object o) {
        return o instanceof LargeCommunities c && values.equals(c.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    static final AttributeCodec CODEC = (body, flags, session) -> {
        // RFC 8092 §6: a length that is not a non-zero multiple of 12 is malformed (treat-as-withdraw)
        if (body.remaining() % 12 != 0) throw Malformed.attributeLength(32, body.remaining());
        List<LargeCommunity> out = new ArrayList<>(body.remaining() / 12);
        while (body.hasRemaining()) out.add(new LargeCommunity(body.u32(), body.u32(), body.u32()));
        return new LargeCommunities(out);
    };

    public LargeCommunities {
        values = values.stream().sorted().distinct().toList();
    }

    public static LargeCommunities of(LargeCommunity... values) {
        return new LargeCommunities(List.of(values));
    }

    @Override
    public AttributeCode code() {
        return AttributeCode.LARGE_COMMUNITY;
    }

    @Override
    public int flags() {
        return 0xC0;
    }

    @Override
    public void encodeValue(WireWriter out, Negotiated session) {
        for (LargeCommunity c : values) out.u32(c.global()).u32(c.local1()).u32(c.local2());
    }

    @Override
    public void json(JsonSink out) {
        out.beginArray("large-community");
        for (LargeCommunity c : values) {
            out.beginArray();
            out.value(c.global());
            out.value(c.local1());
            out.value(c.local2());
            out.endArray();
        }
        out.endArray();
    }

    @Override
    public String text() {
        return "large-community " + Attributes.listText(values.stream().map(LargeCommunity::text).toList(), false);
    }
}
