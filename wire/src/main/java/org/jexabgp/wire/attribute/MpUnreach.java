package org.jexabgp.wire.attribute;

import java.util.List;
import org.jexabgp.wire.Families;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.FamilySpec;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.nlri.Nlri;

/** MP_UNREACH_NLRI, RFC 4760 §4. With no NLRI it is that family's End-of-RIB (RFC 4724 §2). */
public record MpUnreach(Family family, List<Nlri> nlris) implements Attribute {
    static final AttributeCodec CODEC = (body, flags, session) -> {
        Family family = readFamily(body, session);
        return new MpUnreach(family, MpReach.readNlris(body, Families.ALL.get(family), session));
    };

    public MpUnreach {
        nlris = List.copyOf(nlris);
        for (Nlri n : nlris)
            if (!n.family().equals(family))
                throw new IllegalArgumentException(n.family() + " NLRI in an MP_UNREACH of " + family);
    }

    public static MpUnreach endOfRib(Family family) {
        return new MpUnreach(family, List.of());
    }

    /** AFI and SAFI; a family that was not negotiated ends the session with 3/0, as ExaBGP does (wire.md §3.3). */
    static Family readFamily(WireReader body, Negotiated session) throws Malformed {
        Family family = Family.of(body.u16(), body.u8());
        if (!session.families().contains(family))
            throw new Malformed(3, 0, "the peer sent " + family.name() + " which was not negotiated");
        return family;
    }

    @Override
    public AttributeCode code() {
        return AttributeCode.MP_UNREACH_NLRI;
    }

    /** 0x80, but an End-of-RIB goes out with the extended-length bit as ExaBGP sends it (wire.md §9.5). */
    @Override
    public int flags() {
        return nlris.isEmpty() ? 0x90 : 0x80;
    }

    @Override
    public void encodeValue(WireWriter out, Negotiated session) {
        FamilySpec spec = Families.ALL.get(family);
        out.u16(family.afi().value()).u8(family.safi().value());
        MpReach.writeNlris(nlris, spec, out, session);
    }

    /** Nothing: withdrawn NLRIs are rendered by the UPDATE's {@code withdraw} map (json.md §5.3). */
    @Override
    public void json(JsonSink out) {}

    @Override
    public String text() {
        StringBuilder sb = new StringBuilder("mp-unreach ").append(family.name());
        for (Nlri n : nlris) sb.append(' ').append(n.text());
        return sb.toString();
    }
}
