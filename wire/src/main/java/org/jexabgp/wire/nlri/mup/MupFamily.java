package org.jexabgp.wire.nlri.mup;

import org.jexabgp.wire.Afi;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.FamilySpec;
import org.jexabgp.wire.Safi;
import org.jexabgp.wire.nlri.NextHopRule;

/** The family table rows for ipv4/ipv6 mup (wire.md §4: SAFI 85, next hop 4 or 16 bytes). */
public final class MupFamily {
    private MupFamily() {}

    public static final Family IPV4 = new Family(Afi.IPV4, Safi.MUP);
    public static final Family IPV6 = new Family(Afi.IPV6, Safi.MUP);

    public static final FamilySpec IPV4_MUP = new FamilySpec(IPV4, Mup.CODEC, NextHopRule.PLAIN, true);
    public static final FamilySpec IPV6_MUP = new FamilySpec(IPV6, Mup.CODEC, NextHopRule.PLAIN, true);
}
