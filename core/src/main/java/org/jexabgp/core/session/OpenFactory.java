package org.jexabgp.core.session;

import java.util.ArrayList;
import java.util.List;
import org.jexabgp.core.model.Capabilities;
import org.jexabgp.core.model.Neighbor;
import org.jexabgp.core.model.NextHopFamily;
import org.jexabgp.wire.Afi;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.Safi;
import org.jexabgp.wire.capability.AddPath;
import org.jexabgp.wire.capability.Asn4;
import org.jexabgp.wire.capability.Capability;
import org.jexabgp.wire.capability.EnhancedRouteRefresh;
import org.jexabgp.wire.capability.ExtendedMessage;
import org.jexabgp.wire.capability.ExtendedNextHop;
import org.jexabgp.wire.capability.GracefulRestart;
import org.jexabgp.wire.capability.Hostname;
import org.jexabgp.wire.capability.LinkLocalNextHop;
import org.jexabgp.wire.capability.MultiSession;
import org.jexabgp.wire.capability.Multiprotocol;
import org.jexabgp.wire.capability.Operational;
import org.jexabgp.wire.capability.RouteRefresh;
import org.jexabgp.wire.capability.SoftwareVersion;
import org.jexabgp.wire.message.Open;

/** Our OPEN for a neighbour, with ExaBGP's capability set and order (wire.md §3.1). */
public final class OpenFactory {
    private OpenFactory() {}

    /** The families add-path may carry, in the order ExaBGP lists them (wire.md §3.1, row 4). */
    private static final List<Family> ADD_PATH_ORDER = List.of(
            Family.IPV4_UNICAST, Family.IPV6_UNICAST,
            new Family(Afi.IPV4, Safi.NLRI_MPLS), new Family(Afi.IPV6, Safi.NLRI_MPLS),
            new Family(Afi.IPV4, Safi.MPLS_VPN), new Family(Afi.IPV6, Safi.MPLS_VPN),
            new Family(Afi.IPV4, Safi.MUP), new Family(Afi.IPV6, Safi.MUP));

    /** Extended next-hop entries ExaBGP advertises: IPv4 families over IPv6, in this order. */
    private static final List<Family> NEXTHOP_ORDER = List.of(
            Family.IPV4_UNICAST, Family.IPV4_MULTICAST,
            new Family(Afi.IPV4, Safi.NLRI_MPLS), new Family(Afi.IPV4, Safi.MPLS_VPN));

    public static Open build(Neighbor n, SessionSettings settings) {
        return build(n, settings, true);
    }

    /**
     * @param firstSession whether this is the first session since start (graceful restart's R bit, wire.md §3.1)
     */
    public static Open build(Neighbor n, SessionSettings settings, boolean firstSession) {
        return build(n, settings, firstSession, Negotiation.localAs(n));
    }

    /** @param localAs our ASN: the configured one, or with {@code local-as auto} the one the peer's OPEN gave */
    public static Open build(Neighbor n, SessionSettings settings, boolean firstSession, long localAs) {
        Capabilities caps = n.capabilities();
        List<Capability> list = new ArrayList<>();
        for (Family f : n.families()) list.add(new Multiprotocol(f));
        if (caps.asn4()) list.add(new Asn4(localAs));
        if (caps.nexthop()) {
            List<ExtendedNextHop.Entry> entries = new ArrayList<>();
            for (Family f : NEXTHOP_ORDER) {
                for (NextHopFamily e : n.nextHops()) {
                    if (e.family().equals(f) && e.nextHopAfi().equals(Afi.IPV6))
                        entries.add(new ExtendedNextHop.Entry(f, Afi.IPV6));
                }
            }
            if (!entries.isEmpty()) list.add(new ExtendedNextHop(entries));
        }
        if (caps.addPath() != Capabilities.AddPath.DISABLE) {
            int mode = (caps.addPath().receives() ? AddPath.RECEIVE : 0) | (caps.addPath().sends() ? AddPath.SEND : 0);
            List<AddPath.Entry> entries = new ArrayList<>();
            for (Family f : ADD_PATH_ORDER) {
                if (n.addPathFamilies().contains(f) && n.families().contains(f)) entries.add(new AddPath.Entry(f, mode));
            }
            if (!entries.isEmpty()) list.add(new AddPath(entries));
        }
        Integer gr = caps.gracefulRestartSeconds();
        if (gr != null) {
            List<GracefulRestart.Entry> entries = new ArrayList<>();
            for (Family f : n.families()) entries.add(new GracefulRestart.Entry(f, GracefulRestart.FORWARDING));
            list.add(new GracefulRestart(firstSession ? GracefulRestart.RESTARTING : 0, gr & 0xFFF, entries));
        }
        if (caps.routeRefresh()) {
            list.add(new RouteRefresh());
            list.add(new EnhancedRouteRefresh());
        }
        if (caps.operational()) list.add(new Operational());
        if (caps.extendedMessage()) list.add(new ExtendedMessage());
        if (n.hostName() != null) list.add(new Hostname(n.hostName(), n.domainName() == null ? "" : n.domainName()));
        if (caps.linkLocalNexthop()) list.add(new LinkLocalNextHop());
        if (caps.softwareVersion()) list.add(new SoftwareVersion("ExaBGP/" + settings.version()));
        if (caps.multiSession()) {
            list.add(MultiSession.of(0));
            list.add(MultiSession.of(1));
        }
        return new Open(4, localAs, n.holdTimeSeconds(), n.routerId(), list);
    }
}
