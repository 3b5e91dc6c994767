package org.jexabgp.daemon;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jexabgp.core.model.Neighbor;
import org.jexabgp.core.model.NextHopFamily;
import org.jexabgp.core.model.Route;
import org.jexabgp.wire.Afi;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.Safi;

/**
 * What {@code validate} warns of, without refusing it: an IPv4 route with an IPv6 next hop for a neighbour that does
 * not negotiate extended next-hop for its family (RFC 8950 §3). ExaBGP loads such a route and sends it in MP_REACH
 * anyway (functional {@code ipv4-nexthop-ipv6}), so the daemon does too, but a peer without the capability may not
 * read that next hop. (An IPv6 route with an IPv4 next hop is fine: sent IPv4-mapped, wire.md §9.4.)
 */
final class NextHopWarnings {
    /** The warnings printed per neighbour at most; the rest are counted. */
    static final int SHOWN = 10;

    /** The SAFIs RFC 8950 §3 lets carry an IPv6 next hop for IPv4 NLRI (and that the nexthop block knows). */
    private static final Set<Safi> EXTENDED = Set.of(Safi.UNICAST, Safi.MULTICAST, Safi.NLRI_MPLS, Safi.MPLS_VPN);

    private NextHopWarnings() {}

    /** One line per such route, at most {@link #SHOWN}, then one line with how many more. */
    static List<String> of(Neighbor n) {
        List<String> out = new ArrayList<>();
        int more = 0;
        for (Route r : n.routes()) {
            if (!misfit(n, r)) continue;
            if (out.size() == SHOWN) {
                more++;
                continue;
            }
            Family f = r.family();
            out.add("warning: " + n.name() + ": route " + r.nlri().text() + " has the IPv6 next-hop " + r.nextHop()
                    + " but " + f.name() + " has no extended next-hop (add nexthop { " + f.name()
                    + " ipv6; }): it is sent in MP_REACH, which the peer may not accept");
        }
        if (more > 0)
            out.add("warning: " + n.name() + ": " + more
                    + " more route(s) with an IPv6 next-hop and no extended next-hop");
        return out;
    }

    private static boolean misfit(Neighbor n, Route r) {
        IpAddress nh = r.nextHop();
        Family f = r.family();
        if (nh == null || nh.isV4() || !f.afi().equals(Afi.IPV4) || !EXTENDED.contains(f.safi())) return false;
        if (!n.capabilities().nexthop()) return true;
        for (NextHopFamily e : n.nextHops()) if (e.family().equals(f) && e.nextHopAfi().equals(Afi.IPV6)) return false;
        return true;
    }
}
