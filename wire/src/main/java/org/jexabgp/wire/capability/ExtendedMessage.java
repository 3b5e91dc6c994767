package org.jexabgp.wire.capability;

import org.jexabgp.wire.WireWriter;

/** Extended message, RFC 8654 §3: messages up to 65535 bytes (empty value). */
public record ExtendedMessage() implements Capability {
    @Override
    public int code() {
        return CapabilityCode.EXTENDED_MESSAGE.value();
    }

    @Override
    public void encodeValue(WireWriter out) {
        // empty value
    }

    @Override
    public String text() {
        return "extended-message";
    }
}
