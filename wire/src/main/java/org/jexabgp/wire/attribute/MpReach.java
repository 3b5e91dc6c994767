package org.jexabgp.wire.attribute;

import java.util.ArrayList;
import java.util.List;
import org.jexabgp.wire.Families;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.FamilySpec;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.nlri.Nlri;

/**
 * MP_REACH_NLRI, RFC 4760 §3. The next-hop field and the NLRIs are read and written by the family's row in
 * {@link Families#ALL}; no code here knows a family. Shown in JSON as the {@code announce} map, not as an attribute.
 */
public record MpReach(Family family, List<IpAddress> nextHops, List<Nlri> nlris) implements Attribute {
    static final AttributeCodec CODEC = (body, flags, session) -> {
        Family family = MpUnreach.readFamily(body, session);
        FamilySpec spec = Families.ALL.get(family);
        int nhLength = body.u8();
        List<IpAddress> nextHops = spec.nextHop().decode(body.bytes(nhLength), family, session);
        body.u8(); // RFC 4760 §3: reserved, must be ignored
        return new MpReach(family, nextHops, readNlris(body, spec, session));
    };

    public MpReach {
        nextHops = List.copyOf(nextHops);
        nlris = List.copyOf(nlris);
        for (Nlri n : nlris)
            if (!n.family().equals(family))
                throw new IllegalArgumentException(n.family() + " NLRI in an MP_REACH of " + family);
    }

    static List<Nlri> readNlris(WireReader body, FamilySpec spec, Negotiated session) throws Malformed {
        boolean pathIds = spec.nlri().carriesPathId() && session.receivesPathId(spec.family());
        List<Nlri> out = new ArrayList<>();
        while (body.hasRemaining()) {
            long pathId = pathIds ? body.u32() : 0;
            out.add(spec.nlri().decode(body, spec.family(), pathId, session));
        }
        return out;
    }

    static void writeNlris(List<Nlri> nlris, FamilySpec spec, WireWriter out, Negotiated session) {
        boolean pathIds = spec.nlri().carriesPathId() && session.sendsPathId(spec.family());
        for (Nlri n : nlris) n.encode(out, pathIds);
    }

    /** The next-hop text ExaBGP uses as the announce key: the first address, or {@code no-nexthop}. */
    public String nextHopKey() {
        return nextHops.isEmpty() ? "no-nexthop" : nextHops.getFirst().toString();
    }

    @Override
    public AttributeCode code() {
        return AttributeCode.MP_REACH_NLRI;
    }

    @Override
    public int flags() {
        return 0x80;
    }

    @Override
    public void encodeValue(WireWriter out, Negotiated session) {
        FamilySpec spec = Families.ALL.get(family);
        out.u16(family.afi().value()).u8(family.safi().value());
        int lengthAt = out.length();
        out.u8(0);
        spec.nextHop().encode(nextHops, out);
        out.setU8(lengthAt, out.length() - lengthAt - 1);
        out.u8(0);
        writeNlris(nlris, spec, out, session);
    }

    /** Nothing: the reachable NLRIs are rendered by the UPDATE's {@code announce} map (json.md §5.3). */
    @Override
    public void json(JsonSink out) {}

    @Override
    public String text() {
        StringBuilder sb = new StringBuilder("mp-reach ").append(family.name()).append(" next-hop ").append(nextHopKey());
        for (Nlri n : nlris) sb.append(' ').append(n.text());
        return sb.toString();
    }
}
