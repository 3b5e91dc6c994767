package org.jexabgp.core.rib;

import org.jexabgp.core.model.Route;

/**
 * One pending change of the Adj-RIB-Out (ExaBGP's "change"): a route to announce, or to withdraw. A withdrawal carries
 * the attributes and next hop of the route it removes (wire.md §9.1), which decide its bucket and attribute blob.
 */
public record Change(Route route, boolean withdraw) {
    public static Change announce(Route route) {
        return new Change(route, false);
    }

    public static Change withdraw(Route route) {
        return new Change(route, true);
    }

    public RouteKey key() {
        return RouteKey.of(route.nlri());
    }
}
