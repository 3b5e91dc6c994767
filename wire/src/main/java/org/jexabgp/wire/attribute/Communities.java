package org.jexabgp.wire.attribute;

import java.util.ArrayList;
import java.util.List;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireWriter;

/**
 * COMMUNITIES, RFC 1997. Kept sorted by value (duplicates kept), as ExaBGP sends them (wire.md §13.10), so equal sets
 * compare equal.
 */
public record Communities(List<Community> values) implements Attribute {
    // Written out: a record's generated equals and hashCode are linked at run time through method handles,
    // milliseconds of every start for each record (issue 9).
    @Override
    public boolean equals(Object o) {
        return o instanceof Communities c && values.equals(c.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    static final AttributeCodec CODEC = (body, flags, session) -> {
        // RFC 7606 §7.8: a length that is not a multiple of 4 is malformed
        if (body.remaining() % 4 != 0) throw Malformed.attributeLength(8, body.remaining());
        List<Community> out = new ArrayList<>(body.remaining() / 4);
        while (body.hasRemaining()) out.add(new Community(body.u32()));
        return new Communities(out);
    };

    public Communities {
        values = values.stream().sorted().toList();
    }

    public static Communities of(Community... values) {
        return new Communities(List.of(values));
    }

    @Override
    public AttributeCode code() {
        return AttributeCode.COMMUNITY;
    }

    @Override
    public int flags() {
        return 0xC0;
    }

    @Override
    public void encodeValue(WireWriter out, Negotiated session) {
        for (Community c : values) out.u32(c.value());
    }

    @Override
    public void json(JsonSink out) {
        out.beginArray("community");
        for (Community c : values) {
            out.beginArray();
            out.value(c.high());
            out.value(c.low());
            out.endArray();
        }
        out.endArray();
    }

    @Override
    public String text() {
        return "community " + Attributes.listText(values.stream().map(Community::text).toList(), false);
    }
}
