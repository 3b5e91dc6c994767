package org.jexabgp.wire.attribute;

import java.util.Locale;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireWriter;

/**
 * An attribute carried raw: an unknown one received (optional transitive, kept with the partial bit added, RFC 4271
 * §5), or one configured with {@code attribute [ code flags hex ]}, sent with exactly the configured flags (wire.md
 * §6: a set extended-length bit gives a 2-byte length). The type code is {@link #typeCode()} because
 * {@link #code()} is the {@link AttributeCode} of every attribute.
 */
public record GenericAttribute(int typeCode, int flags, Bytes value) implements Attribute {
    public GenericAttribute {
        if (typeCode < 0 || typeCode > 255) throw new IllegalArgumentException("attribute code " + typeCode);
        if (flags < 0 || flags > 255) throw new IllegalArgumentException("attribute flags " + flags);
        if (value.length() > 0xFFFF) throw new IllegalArgumentException("attribute value too long");
    }

    @Override
    public AttributeCode code() {
        return AttributeCode.of(typeCode);
    }

    @Override
    public void encodeValue(WireWriter out, Negotiated session) {
        out.bytes(value);
    }

    @Override
    public void json(JsonSink out) {
        out.field(String.format(Locale.ROOT, "attribute-0x%02X-0x%02X", typeCode, flags), "0x" + value.hex());
    }

    @Override
    public String text() {
        return String.format(Locale.ROOT, "attribute [ 0x%02X 0x%02X 0x%s ]", typeCode, flags, value.hex());
    }
}
