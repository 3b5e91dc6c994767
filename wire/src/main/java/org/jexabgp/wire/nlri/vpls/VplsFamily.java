package org.jexabgp.wire.nlri.vpls;

import org.jexabgp.wire.Afi;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.FamilySpec;
import org.jexabgp.wire.Safi;
import org.jexabgp.wire.nlri.NextHopRule;

/** The family table row for l2vpn vpls (wire.md §4: AFI 25, SAFI 65, a 4-byte next hop). */
public final class VplsFamily {
    private VplsFamily() {}

    public static final Family FAMILY = new Family(Afi.L2VPN, Safi.VPLS);

    public static final FamilySpec L2VPN_VPLS = new FamilySpec(FAMILY, Vpls.CODEC, NextHopRule.PLAIN, true);
}
