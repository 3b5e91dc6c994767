package org.jexabgp.wire.capability;

import java.util.List;
import org.jexabgp.wire.WireWriter;

/**
 * Dynamic capability, draft-ietf-idr-dynamic-cap §3: the value lists the capability codes (one byte each) the sender
 * may later revise with a CAPABILITY message; it may be empty.
 */
public record DynamicCapability(List<Integer> codes) implements Capability {
    public DynamicCapability {
        codes = List.copyOf(codes);
        if (codes.size() > 255) throw new IllegalArgumentException("too many dynamic capability codes");
        for (int c : codes) if (c < 0 || c > 0xFF) throw new IllegalArgumentException("capability code " + c);
    }

    @Override
    public int code() {
        return CapabilityCode.DYNAMIC_CAPABILITY.value();
    }

    @Override
    public void encodeValue(WireWriter out) {
        for (int c : codes) out.u8(c);
    }

    @Override
    public String text() {
        return "dynamic-capability";
    }
}
