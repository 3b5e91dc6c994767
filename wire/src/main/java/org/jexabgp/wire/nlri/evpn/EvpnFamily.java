package org.jexabgp.wire.nlri.evpn;

import org.jexabgp.wire.Afi;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.FamilySpec;
import org.jexabgp.wire.Safi;
import org.jexabgp.wire.nlri.NextHopRule;

/** The family table row for l2vpn evpn (25/70, wire.md §4: next hop 4 bytes). */
public final class EvpnFamily {
    private EvpnFamily() {}

    public static final Family L2VPN_EVPN_FAMILY = new Family(Afi.L2VPN, Safi.EVPN);

    /** Announceable (ExaBGP only decodes it): {@code evpn} routes of the config and API (docs/evpn.md). */
    public static final FamilySpec L2VPN_EVPN = new FamilySpec(L2VPN_EVPN_FAMILY, Evpn.CODEC, NextHopRule.PLAIN, true);
}
