package org.jexabgp.reactor;

import org.jexabgp.wire.IpAddress;
import org.jspecify.annotations.Nullable;

/** An address and port; a null address means "any" (let the system choose). */
public record Endpoint(@Nullable IpAddress address, int port) {
    @Override
    public String toString() {
        if (address == null) return "*:" + port;
        return address.isV4() ? address + ":" + port : "[" + address + "]:" + port;
    }
}
