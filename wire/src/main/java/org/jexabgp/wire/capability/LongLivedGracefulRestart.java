package org.jexabgp.wire.capability;

import java.util.List;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.WireWriter;

/** Long-lived graceful restart, RFC 9494 §3: per family AFI(2) SAFI(1) flags(1) long-lived stale time(3 bytes). */
public record LongLivedGracefulRestart(List<Entry> families) implements Capability {
    /** F bit of a family entry (RFC 9494 §3): forwarding state preserved. */
    public static final int FORWARDING = 0x80;

    /** One family: its flags and stale time in seconds (0..16777215). */
    public record Entry(Family family, int flags, int staleTimeSeconds) {
        public Entry {
            if (flags < 0 || flags > 0xFF) throw new IllegalArgumentException("LLGR flags " + flags);
            if (staleTimeSeconds < 0 || staleTimeSeconds > 0xFF_FFFF)
                throw new IllegalArgumentException("LLGR stale time " + staleTimeSeconds);
        }
    }

    public LongLivedGracefulRestart {
        families = List.copyOf(families);
        if (7 * families.size() > 255) throw new IllegalArgumentException("too many LLGR families");
    }

    @Override
    public int code() {
        return CapabilityCode.LONG_LIVED_GRACEFUL_RESTART.value();
    }

    @Override
    public void encodeValue(WireWriter out) {
        for (Entry e : families) {
            out.u16(e.family().afi().value()).u8(e.family().safi().value()).u8(e.flags());
            out.u8(e.staleTimeSeconds() >>> 16).u16(e.staleTimeSeconds() & 0xFFFF);
        }
    }

    @Override
    public String text() {
        return "long-lived-graceful-restart";
    }
}
