package org.jexabgp.wire.attribute;

import java.util.ArrayList;
import java.util.List;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireWriter;

/** EXTENDED_COMMUNITIES, RFC 4360. Sorted by their 8 bytes as ExaBGP sends them (wire.md §13.10). */
public record ExtendedCommunities(List<ExtendedCommunity> values) implements Attribute {
    static final AttributeCodec CODEC = (body, flags, session) -> {
        // RFC 7606 §7.14: a length that is not a multiple of 8 is malformed
        if (body.remaining() % 8 != 0) throw Malformed.attributeLength(16, body.remaining());
        List<ExtendedCommunity> out = new ArrayList<>(body.remaining() / 8);
        while (body.hasRemaining()) out.add(new ExtendedCommunity(body.bytes(8)));
        return new ExtendedCommunities(out);
    };

    public ExtendedCommunities {
        values = values.stream().sorted().toList();
    }

    public static ExtendedCommunities of(ExtendedCommunity... values) {
        return new ExtendedCommunities(List.of(values));
    }

    @Override
    public AttributeCode code() {
        return AttributeCode.EXTENDED_COMMUNITY;
    }

    @Override
    public int flags() {
        return 0xC0;
    }

    @Override
    public void encodeValue(WireWriter out, Negotiated session) {
        for (ExtendedCommunity c : values) out.bytes(c.value());
    }

    @Override
    public void json(JsonSink out) {
        out.beginArray("extended-community");
        for (ExtendedCommunity c : values) {
            out.beginObject();
            out.fieldUnsigned("value", c.asLong());
            out.field("string", c.text());
            out.endObject();
        }
        out.endArray();
    }

    @Override
    public String text() {
        return "extended-community "
                + Attributes.listText(values.stream().map(ExtendedCommunity::text).toList(), false);
    }
}
