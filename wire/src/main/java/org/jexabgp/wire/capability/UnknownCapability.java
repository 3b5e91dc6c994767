package org.jexabgp.wire.capability;

import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.WireWriter;

/** A capability we do not understand, kept raw (ARCHITECTURE §1.4: unknown is data; RFC 5492 §3: ignore it). */
public record UnknownCapability(int code, Bytes value) implements Capability {
    public UnknownCapability {
        if (code < 0 || code > 255) throw new IllegalArgumentException("capability code " + code);
        if (value.length() > 255) throw new IllegalArgumentException("capability value too long");
    }

    @Override
    public void encodeValue(WireWriter out) {
        out.bytes(value);
    }

    @Override
    public String text() {
        return "unknown " + code;
    }
}
