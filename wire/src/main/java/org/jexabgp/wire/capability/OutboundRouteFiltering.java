package org.jexabgp.wire.capability;

import java.util.List;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.WireWriter;

/**
 * Outbound route filtering, RFC 5291 §4: one or more entries AFI(2) reserved(1) SAFI(1) count(1), then per ORF type
 * the type(1) and its send/receive byte (1 receive, 2 send, 3 both).
 */
public record OutboundRouteFiltering(List<Entry> entries) implements Capability {
    /** RFC 5292 §3: Address Prefix ORF. */
    public static final int ADDRESS_PREFIX = 64;

    /** One ORF type of a family and the directions it is wanted in. */
    public record Orf(int type, int sendReceive) {
        public Orf {
            if (type < 0 || type > 0xFF) throw new IllegalArgumentException("ORF type " + type);
            if (sendReceive < 0 || sendReceive > 0xFF)
                throw new IllegalArgumentException("ORF send/receive " + sendReceive);
        }

        /** The type's name ({@code address-prefix}, RFC 5292) or its decimal number. */
        public String typeName() {
            return switch (type) {
                case ADDRESS_PREFIX -> "address-prefix";
                case 128 -> "cisco-address-prefix"; // the pre-standard code point routers still send
                default -> Integer.toString(type);
            };
        }

        /** RFC 5291 §4: 1 receive, 2 send, 3 both; other values printed as numbers. */
        public String modeName() {
            return switch (sendReceive) {
                case 1 -> "receive";
                case 2 -> "send";
                case 3 -> "send/receive";
                default -> Integer.toString(sendReceive);
            };
        }
    }

    /** The ORF types of one family. */
    public record Entry(Family family, List<Orf> orfs) {
        public Entry {
            orfs = List.copyOf(orfs);
            if (orfs.size() > 0xFF) throw new IllegalArgumentException("too many ORF types");
        }
    }

    public OutboundRouteFiltering {
        entries = List.copyOf(entries);
        int length = 0;
        for (Entry e : entries) length += 5 + 2 * e.orfs().size();
        if (length > 255) throw new IllegalArgumentException("ORF capability too long");
    }

    @Override
    public int code() {
        return CapabilityCode.ORF.value();
    }

    @Override
    public void encodeValue(WireWriter out) {
        for (Entry e : entries) {
            out.u16(e.family().afi().value()).u8(0).u8(e.family().safi().value()).u8(e.orfs().size());
            for (Orf o : e.orfs()) out.u8(o.type()).u8(o.sendReceive());
        }
    }

    @Override
    public String text() {
        return "outbound-route-filtering";
    }
}
