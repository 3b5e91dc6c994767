package org.jexabgp.core.rib;

import org.jexabgp.wire.Afi;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.Safi;

/**
 * The few per-family facts UPDATE packing needs (wire.md §9.2–§9.4). They belong in the family table's rows
 * ({@code FamilySpec}/{@code NextHopRule}) once it exists; kept here so the RIB does not wait for it.
 */
final class PackingRules {
    private PackingRules() {}

    /** wire.md §9.2: only these families put several routes in one UPDATE when group-updates is on. */
    static boolean groupable(Family family) {
        return family.equals(Family.IPV4_UNICAST) || family.safi().equals(Safi.MCAST_VPN);
    }

    /** wire.md §9.3 step 3 and §4 (quirk): IPv4 unicast and multicast use the classic UPDATE fields. */
    static boolean classic(Family family) {
        return family.afi().equals(Afi.IPV4) && unicastOrMulticast(family);
    }

    /** wire.md §9.3 step 4: withdrawals of these families need no attribute at all besides MP_UNREACH. */
    static boolean unicastOrMulticast(Family family) {
        return family.safi().equals(Safi.UNICAST) || family.safi().equals(Safi.MULTICAST);
    }

    /** wire.md §9.4: flow and VPLS next hops are only the MP_REACH next hop, never a NEXT_HOP attribute. */
    static boolean nextHopAttribute(Family family) {
        Safi s = family.safi();
        // EVPN and RTC (our extension): MP_REACH only, as RFC 4760 §3 asks of routes carried in MP_REACH alone
        if (s.equals(Safi.EVPN) || s.equals(Safi.RTC)) return false;
        // SR Policy (extension, RFC 9830 §2.1): the next hop is the MP_REACH one only
        if (s.equals(Safi.SR_POLICY)) return false;
        return !s.equals(Safi.FLOW) && !s.equals(Safi.FLOW_VPN) && !s.equals(Safi.VPLS);
    }

    /** wire.md §9.4: mpls-vpn next hops are prefixed with an all-zero 8-byte RD (RFC 4364 §4.3.2). */
    static int nextHopRdLength(Family family) {
        return family.safi().equals(Safi.MPLS_VPN) ? 8 : 0;
    }
}
