package org.jexabgp.wire.capability;

import java.util.Locale;
import org.jexabgp.wire.WireWriter;

/** BGP role, RFC 9234 §4.1: one byte, the sender's role on this session. */
public record BgpRole(int role) implements Capability {
    public BgpRole {
        if (role < 0 || role > 0xFF) throw new IllegalArgumentException("BGP role " + role);
    }

    /** RFC 9234 §4.1 table 1, as configured and printed; unassigned values print as numbers. */
    public String roleName() {
        return switch (role) {
            case 0 -> "provider";
            case 1 -> "rs";
            case 2 -> "rs-client";
            case 3 -> "customer";
            case 4 -> "peer";
            default -> Integer.toString(role);
        };
    }

    /** The role for a name of {@link #roleName()} (case-insensitive), or -1. */
    public static int roleOf(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "provider" -> 0;
            case "rs", "route-server" -> 1;
            case "rs-client", "route-server-client" -> 2;
            case "customer" -> 3;
            case "peer", "lateral-peer" -> 4;
            default -> -1;
        };
    }

    @Override
    public int code() {
        return CapabilityCode.BGP_ROLE.value();
    }

    @Override
    public void encodeValue(WireWriter out) {
        out.u8(role);
    }

    @Override
    public String text() {
        return "role " + roleName();
    }
}
