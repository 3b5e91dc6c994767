package org.jexabgp.core.model;

import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.nlri.Nlri;
import org.jspecify.annotations.Nullable;

/**
 * A route as configured or injected through the API: an NLRI, its next hop and its attributes.
 *
 * @param nlri what is announced or withdrawn
 * @param nextHop the next hop (also emitted as a NEXT_HOP attribute when IPv4, wire.md §9.4); null for families
 *     without one (flow without redirect)
 * @param nextHopSelf the next hop was written {@code self}: replaced by the session's local address (or router-id)
 *     when the route is given to a neighbour
 * @param attributes the path attributes other than NEXT_HOP and MP_REACH/MP_UNREACH
 * @param watchdog the watchdog group this route belongs to, or null
 * @param withdrawn the route starts withdrawn (config {@code withdraw} together with {@code watchdog})
 * @param name a free label ({@code name}), never on the wire
 */
public record Route(
        Nlri nlri,
        @Nullable IpAddress nextHop,
        boolean nextHopSelf,
        AttributeSet attributes,
        @Nullable String watchdog,
        boolean withdrawn,
        @Nullable String name) {
    // Written out: a record's generated equals and hashCode are linked at run time through method handles,
    // milliseconds of every start for each record (issue 9).
    @Override
    public boolean equals(Object o) {
        return o instanceof Route r
                && nextHopSelf == r.nextHopSelf
                && withdrawn == r.withdrawn
                && java.util.Objects.equals(nlri, r.nlri)
                && java.util.Objects.equals(attributes, r.attributes)
                && java.util.Objects.equals(nextHop, r.nextHop)
                && java.util.Objects.equals(watchdog, r.watchdog)
                && java.util.Objects.equals(name, r.name);
    }

    @Override
    public int hashCode() {
        int h = java.util.Objects.hashCode(nlri);
        h = 31 * h + java.util.Objects.hashCode(nextHop);
        h = 31 * h + Boolean.hashCode(nextHopSelf);
        h = 31 * h + java.util.Objects.hashCode(attributes);
        h = 31 * h + java.util.Objects.hashCode(watchdog);
        h = 31 * h + Boolean.hashCode(withdrawn);
        return 31 * h + java.util.Objects.hashCode(name);
    }

    public static Route of(Nlri nlri, @Nullable IpAddress nextHop, AttributeSet attributes) {
        return new Route(nlri, nextHop, false, attributes, null, false, null);
    }

    public Family family() {
        return nlri.family();
    }

    public Route withNextHop(IpAddress address) {
        return new Route(nlri, address, false, attributes, watchdog, withdrawn, name);
    }
}
