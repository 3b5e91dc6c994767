package org.jexabgp.wire.nlri.label;

import org.jexabgp.wire.Afi;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.FamilySpec;
import org.jexabgp.wire.Safi;
import org.jexabgp.wire.nlri.NextHopRule;

/** The rows of the family table for labeled unicast, {@code nlri-mpls} (wire.md §4, RFC 8277). */
public final class LabelFamily {
    private LabelFamily() {}

    public static final Family IPV4 = new Family(Afi.IPV4, Safi.NLRI_MPLS);
    public static final Family IPV6 = new Family(Afi.IPV6, Safi.NLRI_MPLS);

    public static final FamilySpec IPV4_NLRI_MPLS = new FamilySpec(IPV4, LabeledNlri.CODEC, NextHopRule.PLAIN, true);
    public static final FamilySpec IPV6_NLRI_MPLS = new FamilySpec(IPV6, LabeledNlri.CODEC, NextHopRule.PLAIN, true);
}
