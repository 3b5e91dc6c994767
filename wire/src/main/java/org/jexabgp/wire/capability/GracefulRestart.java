package org.jexabgp.wire.capability;

import java.util.List;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.WireWriter;

/**
 * Graceful restart, RFC 4724 §3: restart flags (4 bits) and restart time (12 bits), then per family AFI(2) SAFI(1)
 * flags(1).
 *
 * @param restartFlags the 4 high bits of the first two bytes; {@link #RESTARTING} is the R bit
 * @param restartTimeSeconds 0..4095
 */
public record GracefulRestart(int restartFlags, int restartTimeSeconds, List<Entry> families) implements Capability {
    /** R bit (RFC 4724 §3), 0x8 in the 4-bit flags field. */
    public static final int RESTARTING = 0x8;
    /** F bit of a family entry: forwarding state preserved. */
    public static final int FORWARDING = 0x80;

    /** One family entry: its flags byte. */
    public record Entry(Family family, int flags) {
        public Entry {
            if (flags < 0 || flags > 0xFF) throw new IllegalArgumentException("graceful restart flags " + flags);
        }
    }

    public GracefulRestart {
        if (restartFlags < 0 || restartFlags > 0xF) throw new IllegalArgumentException("restart flags " + restartFlags);
        if (restartTimeSeconds < 0 || restartTimeSeconds > 0xFFF)
            throw new IllegalArgumentException("restart time " + restartTimeSeconds);
        families = List.copyOf(families);
        if (2 + 4 * families.size() > 255) throw new IllegalArgumentException("too many graceful restart families");
    }

    @Override
    public int code() {
        return CapabilityCode.GRACEFUL_RESTART.value();
    }

    @Override
    public void encodeValue(WireWriter out) {
        out.u16(restartFlags << 12 | restartTimeSeconds);
        for (Entry e : families) out.u16(e.family.afi().value()).u8(e.family.safi().value()).u8(e.flags);
    }

    @Override
    public String text() {
        return "graceful-restart " + restartTimeSeconds;
    }
}
