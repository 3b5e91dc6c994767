package org.jexabgp.wire.capability;

import org.jexabgp.wire.WireWriter;

/** Support for 4-octet AS numbers, RFC 6793 §3: the speaker's real ASN. */
public record Asn4(long asn) implements Capability {
    public Asn4 {
        if (asn < 0 || asn > 0xFFFFFFFFL) throw new IllegalArgumentException("asn " + asn);
    }

    @Override
    public int code() {
        return CapabilityCode.ASN4.value();
    }

    @Override
    public void encodeValue(WireWriter out) {
        out.u32(asn);
    }

    @Override
    public String text() {
        return "asn4 " + asn;
    }
}
