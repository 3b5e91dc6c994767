package org.jexabgp.wire.capability;

import java.nio.charset.StandardCharsets;
import org.jexabgp.wire.WireWriter;

/** Software version (draft-abraitis-bgp-version-capability, code 75): len(1) then the version text. */
public record SoftwareVersion(String version) implements Capability {
    public SoftwareVersion {
        if (Capabilities.utf8Length(version) > 254)
            throw new IllegalArgumentException("software version too long: " + version.length());
    }

    @Override
    public int code() {
        return CapabilityCode.SOFTWARE_VERSION.value();
    }

    @Override
    public void encodeValue(WireWriter out) {
        byte[] v = version.getBytes(StandardCharsets.UTF_8);
        out.u8(v.length).bytes(v);
    }

    @Override
    public String text() {
        return "software-version " + version;
    }
}
