package org.jexabgp.wire.capability;

import org.jexabgp.wire.WireWriter;

/** Route refresh, RFC 2918 §2 (empty value). */
public record RouteRefresh() implements Capability {
    @Override
    public int code() {
        return CapabilityCode.ROUTE_REFRESH.value();
    }

    @Override
    public void encodeValue(WireWriter out) {
        // empty value
    }

    @Override
    public String text() {
        return "route-refresh";
    }
}
