package org.jexabgp.wire.nlri.mvpn;

import org.jexabgp.wire.Afi;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.FamilySpec;
import org.jexabgp.wire.Safi;
import org.jexabgp.wire.nlri.NextHopRule;

/** The family table rows for ipv4/ipv6 mcast-vpn (wire.md §4: SAFI 5). */
public final class McastVpnFamily {
    private McastVpnFamily() {}

    public static final Family IPV4 = new Family(Afi.IPV4, Safi.MCAST_VPN);
    public static final Family IPV6 = new Family(Afi.IPV6, Safi.MCAST_VPN);

    public static final FamilySpec IPV4_MCAST_VPN = new FamilySpec(IPV4, McastVpn.CODEC, NextHopRule.PLAIN, true);
    public static final FamilySpec IPV6_MCAST_VPN = new FamilySpec(IPV6, McastVpn.CODEC, NextHopRule.PLAIN, true);
}
