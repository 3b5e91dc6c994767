package org.jexabgp.wire.capability;

import java.util.List;
import org.jexabgp.wire.Afi;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.WireWriter;

/** Extended next hop encoding, RFC 8950 §3: per entry NLRI AFI(2) NLRI SAFI(2) next-hop AFI(2). */
public record ExtendedNextHop(List<Entry> entries) implements Capability {
    /** Routes of family may carry a next hop of nextHopAfi. */
    public record Entry(Family family, Afi nextHopAfi) {}

    public ExtendedNextHop {
        entries = List.copyOf(entries);
        if (6 * entries.size() > 255) throw new IllegalArgumentException("too many extended next-hop entries");
    }

    @Override
    public int code() {
        return CapabilityCode.EXTENDED_NEXT_HOP.value();
    }

    @Override
    public void encodeValue(WireWriter out) {
        // RFC 8950 §3: the SAFI is carried on two bytes here
        for (Entry e : entries) out.u16(e.family.afi().value()).u16(e.family.safi().value()).u16(e.nextHopAfi.value());
    }

    @Override
    public String text() {
        return "nexthop";
    }
}
