package org.jexabgp.wire.capability;

import org.jexabgp.wire.WireWriter;

/** ExaBGP's private operational-message capability (code 185, empty value). */
public record Operational() implements Capability {
    @Override
    public int code() {
        return CapabilityCode.OPERATIONAL.value();
    }

    @Override
    public void encodeValue(WireWriter out) {
        // empty value
    }

    @Override
    public String text() {
        return "operational";
    }
}
