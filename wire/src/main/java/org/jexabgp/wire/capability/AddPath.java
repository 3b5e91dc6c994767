package org.jexabgp.wire.capability;

import java.util.List;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.WireWriter;

/** ADD-PATH, RFC 7911 §4: per family AFI(2) SAFI(1) Send/Receive(1). */
public record AddPath(List<Entry> families) implements Capability {
    public static final int RECEIVE = 1;
    public static final int SEND = 2;
    public static final int SEND_RECEIVE = 3;

    /** One family and its mode (1 receive, 2 send, 3 both; other values are kept as received). */
    public record Entry(Family family, int mode) {
        public Entry {
            if (mode < 0 || mode > 0xFF) throw new IllegalArgumentException("add-path mode " + mode);
        }

        public boolean send() {
            return (mode & SEND) != 0;
        }

        public boolean receive() {
            return (mode & RECEIVE) != 0;
        }

        /** ExaBGP's spelling of the mode in OPEN JSON. */
        public String modeName() {
            return switch (mode) {
                case 0 -> "disabled";
                case RECEIVE -> "receive";
                case SEND -> "send";
                case SEND_RECEIVE -> "send/receive";
                default -> "unknown";
            };
        }
    }

    public AddPath {
        families = List.copyOf(families);
        if (4 * families.size() > 255) throw new IllegalArgumentException("too many add-path families");
    }

    @Override
    public int code() {
        return CapabilityCode.ADD_PATH.value();
    }

    @Override
    public void encodeValue(WireWriter out) {
        for (Entry e : families) out.u16(e.family.afi().value()).u8(e.family.safi().value()).u8(e.mode);
    }

    @Override
    public String text() {
        return "add-path";
    }
}
