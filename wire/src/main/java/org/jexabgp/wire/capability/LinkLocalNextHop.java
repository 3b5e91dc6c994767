package org.jexabgp.wire.capability;

import org.jexabgp.wire.WireWriter;

/**
 * Link-local next hop, draft-ietf-idr-linklocal-capability §3 (code 77, empty value): the sender accepts and may send
 * an IPv6 next hop made of a link-local address alone (16 bytes). Unlike ExaBGP's empty capabilities it is put on the
 * wire ({@link #sentWhenEmpty()}), since advertising it is its whole point.
 */
public record LinkLocalNextHop() implements Capability {
    @Override
    public int code() {
        return CapabilityCode.LINK_LOCAL_NEXT_HOP.value();
    }

    @Override
    public void encodeValue(WireWriter out) {
        // empty value
    }

    @Override
    public boolean sentWhenEmpty() {
        return true;
    }

    @Override
    public String text() {
        return "link-local-nexthop";
    }
}
