package org.jexabgp.wire.capability;

import org.jexabgp.wire.Family;
import org.jexabgp.wire.WireWriter;

/** Multiprotocol extensions, RFC 4760 §8: AFI(2) reserved(1) SAFI(1). One capability per family. */
public record Multiprotocol(Family family) implements Capability {
    @Override
    public int code() {
        return CapabilityCode.MULTIPROTOCOL.value();
    }

    @Override
    public void encodeValue(WireWriter out) {
        out.u16(family.afi().value()).u8(0).u8(family.safi().value());
    }

    @Override
    public String text() {
        return "multiprotocol " + family.name();
    }
}
