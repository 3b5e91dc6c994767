package org.jexabgp.wire.nlri.vpn;

import org.jexabgp.wire.Afi;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.FamilySpec;
import org.jexabgp.wire.Safi;

/** The rows of the family table for MPLS VPN, {@code mpls-vpn} (wire.md §4, RFC 4364, RFC 4659). */
public final class VpnFamily {
    private VpnFamily() {}

    public static final Family IPV4 = new Family(Afi.IPV4, Safi.MPLS_VPN);
    public static final Family IPV6 = new Family(Afi.IPV6, Safi.MPLS_VPN);

    public static final FamilySpec IPV4_MPLS_VPN = new FamilySpec(IPV4, VpnNlri.CODEC, VpnNextHop.RULE, true);
    public static final FamilySpec IPV6_MPLS_VPN = new FamilySpec(IPV6, VpnNlri.CODEC, VpnNextHop.RULE, true);
}
