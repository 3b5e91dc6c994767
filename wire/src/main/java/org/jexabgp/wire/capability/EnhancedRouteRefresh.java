package org.jexabgp.wire.capability;

import org.jexabgp.wire.WireWriter;

/** Enhanced route refresh, RFC 7313 §3 (empty value). */
public record EnhancedRouteRefresh() implements Capability {
    @Override
    public int code() {
        return CapabilityCode.ENHANCED_ROUTE_REFRESH.value();
    }

    @Override
    public void encodeValue(WireWriter out) {
        // empty value
    }

    @Override
    public String text() {
        return "enhanced-route-refresh";
    }
}
