package org.jexabgp.wire.capability;

import org.jexabgp.wire.WireWriter;

/** Pre-standard route refresh (code 128): reported, but negotiation only looks at code 2 (wire.md §3.2). */
public record CiscoRouteRefresh() implements Capability {
    @Override
    public int code() {
        return CapabilityCode.ROUTE_REFRESH_CISCO.value();
    }

    @Override
    public void encodeValue(WireWriter out) {
        // empty value
    }

    @Override
    public String text() {
        return "route-refresh-cisco";
    }
}
