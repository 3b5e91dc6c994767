package org.jexabgp.wire.capability;

import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.WireWriter;

/**
 * Multisession (draft-ietf-idr-bgp-multisession, code 68; Cisco's pre-standard code 131). The value is kept raw: ExaBGP
 * sends two capabilities, values {@code 00} and {@code 01} (wire.md §3.1).
 */
public record MultiSession(boolean cisco, Bytes value) implements Capability {
    public MultiSession {
        if (value.length() > 255) throw new IllegalArgumentException("multi-session value too long");
    }

    /** ExaBGP's two capabilities. */
    public static MultiSession of(int sessionId) {
        return new MultiSession(false, Bytes.of((byte) sessionId));
    }

    @Override
    public int code() {
        return cisco ? CapabilityCode.MULTISESSION_CISCO.value() : CapabilityCode.MULTISESSION.value();
    }

    @Override
    public void encodeValue(WireWriter out) {
        out.bytes(value);
    }

    @Override
    public String text() {
        return cisco ? "multi-session-cisco" : "multi-session";
    }
}
