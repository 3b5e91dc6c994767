package org.jexabgp.wire.attribute;

import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireWriter;

/** ORIGIN, RFC 4271 §5.1.1. */
public record Origin(int value) implements Attribute {
    public static final int IGP = 0;
    public static final int EGP = 1;
    public static final int INCOMPLETE = 2;

    public static final Origin IGP_ORIGIN = new Origin(IGP);

    static final AttributeCodec CODEC = (body, flags, session) -> {
        // RFC 7606 §7.1: a length other than one, or an undefined value, is malformed
        if (body.remaining() != 1) throw Malformed.attributeLength(1, body.remaining());
        int v = body.u8();
        if (v > INCOMPLETE) throw Malformed.update(6, "invalid ORIGIN value " + v);
        return new Origin(v);
    };

    public Origin {
        if (value < IGP || value > INCOMPLETE) throw new IllegalArgumentException("origin " + value);
    }

    /** Parses ExaBGP's names igp, egp, incomplete. */
    public static Origin parse(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "igp" -> new Origin(IGP);
            case "egp" -> new Origin(EGP);
            case "incomplete" -> new Origin(INCOMPLETE);
            default -> throw new IllegalArgumentException("unknown origin " + name);
        };
    }

    public String name() {
        return switch (value) {
            case IGP -> "igp";
            case EGP -> "egp";
            default -> "incomplete";
        };
    }

    @Override
    public AttributeCode code() {
        return AttributeCode.ORIGIN;
    }

    @Override
    public int flags() {
        return 0x40;
    }

    @Override
    public void encodeValue(WireWriter out, Negotiated session) {
        out.u8(value);
    }

    @Override
    public void json(JsonSink out) {
        out.field("origin", name());
    }

    @Override
    public String text() {
        return "origin " + name();
    }
}
