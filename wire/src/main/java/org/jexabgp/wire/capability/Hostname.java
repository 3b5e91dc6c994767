package org.jexabgp.wire.capability;

import java.nio.charset.StandardCharsets;
import org.jexabgp.wire.WireWriter;

/** FQDN capability (draft-walton-bgp-hostname-capability, code 73): len(1) host len(1) domain. */
public record Hostname(String host, String domain) implements Capability {
    public Hostname {
        int total = Capabilities.utf8Length(host) + Capabilities.utf8Length(domain);
        if (total > 253) throw new IllegalArgumentException("host and domain names too long: " + total + " bytes");
    }

    @Override
    public int code() {
        return CapabilityCode.HOSTNAME.value();
    }

    @Override
    public void encodeValue(WireWriter out) {
        byte[] h = host.getBytes(StandardCharsets.UTF_8);
        byte[] d = domain.getBytes(StandardCharsets.UTF_8);
        out.u8(h.length).bytes(h).u8(d.length).bytes(d);
    }

    @Override
    public String text() {
        return "hostname " + host + " " + domain;
    }
}
