package org.jexabgp.wire.nlri.bgpls;

import org.jexabgp.wire.Afi;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.FamilySpec;
import org.jexabgp.wire.Safi;
import org.jexabgp.wire.nlri.NextHopRule;

/** The family table rows for bgp-ls bgp-ls (16388/71) and bgp-ls bgp-ls-vpn (16388/72), decode only (wire.md §4). */
public final class BgpLsFamily {
    private BgpLsFamily() {}

    public static final Family BGP_LS = new Family(Afi.BGP_LS, Safi.BGP_LS);
    public static final Family BGP_LS_VPN = new Family(Afi.BGP_LS, Safi.BGP_LS_VPN);

    public static final FamilySpec BGP_LS_ROW = new FamilySpec(BGP_LS, BgpLs.CODEC, NextHopRule.PLAIN, false);
    public static final FamilySpec BGP_LS_VPN_ROW = new FamilySpec(BGP_LS_VPN, BgpLs.CODEC, NextHopRule.PLAIN, false);
}
