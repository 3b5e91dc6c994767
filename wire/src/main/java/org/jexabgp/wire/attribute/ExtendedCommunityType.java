package org.jexabgp.wire.attribute;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The extended community types we know (RFC 4360 §3, IANA "BGP Extended Communities"), one row per type/subtype.
 * Adding a type is adding a row to {@link #ALL}; {@link ExtendedCommunity#text()} looks rows up here.
 *
 * <p>Rows are found by {@code (type & 0x0F, subtype)}, as ExaBGP's registry does (wire.md §8): the transitive and
 * non-transitive variants of a type (e.g. interface-set {@code 07 02} / {@code 47 02}, RT-record {@code 00 13} /
 * {@code 40 13}) share one row and the flow actions {@code 80 0x} live under type 0. {@link #type} is the canonical
 * (first-listed) type byte, used for the row id.
 *
 * @param type canonical type byte (high-order octet)
 * @param subtype subtype byte
 * @param name a short human name of the row (documentation, coverage reports)
 * @param text the ExaBGP text of a community of this row (also JSON {@code "string"})
 */
public record ExtendedCommunityType(int type, int subtype, String name, Function<ExtendedCommunity, String> text) {
    public ExtendedCommunityType {
        if (type < 0 || type > 0xFF || subtype < 0 || subtype > 0xFF)
            throw new IllegalArgumentException("extended community type " + type + "/" + subtype);
    }

    /** Row id: type and subtype in lower-case hex, {@code 0002}, {@code 8006}, {@code 0600}. */
    public String id() {
        return String.format(Locale.ROOT, "%02x%02x", type, subtype);
    }

    private static int key(int type, int subtype) {
        return (type & 0x0F) << 8 | subtype;
    }

    /** RFC 9012 §4.1 / IANA "BGP Tunnel Encapsulation Attribute Tunnel Types": the names we print and parse. */
    public static final Map<Integer, String> TUNNEL_TYPES = Map.ofEntries(
            Map.entry(1, "L2TPv3"),
            Map.entry(2, "GRE"),
            Map.entry(7, "IP-in-IP"),
            Map.entry(8, "VXLAN"),
            Map.entry(9, "NVGRE"),
            Map.entry(10, "MPLS"),
            Map.entry(11, "MPLS-in-GRE"),
            Map.entry(12, "VXLAN-GPE"),
            Map.entry(13, "MPLS-in-UDP"),
            Map.entry(15, "SR-Policy"),
            Map.entry(19, "Geneve"));

    public static final List<ExtendedCommunityType> ALL = List.of(
            // RFC 4360 §4 route target / §5 route origin, RFC 5668 §2 4-octet AS forms
            new ExtendedCommunityType(0x00, 0x02, "route target, 2-octet AS",
                    c -> "target:" + c.u16(2) + ":" + c.u32(4)),
            new ExtendedCommunityType(0x01, 0x02, "route target, IPv4", c -> "target:" + c.ipv4(2) + ":" + c.u16(6)),
            new ExtendedCommunityType(0x02, 0x02, "route target, 4-octet AS",
                    c -> "target:" + c.u32(2) + ":" + c.u16(6)),
            // wire.md §8 quirk: ExaBGP prints the 32-bit value of the 2-octet-AS origin as a dotted quad
            new ExtendedCommunityType(0x00, 0x03, "route origin, 2-octet AS",
                    c -> "origin:" + c.u16(2) + ":" + c.ipv4(4)),
            new ExtendedCommunityType(0x01, 0x03, "route origin, IPv4", c -> "origin:" + c.ipv4(2) + ":" + c.u16(6)),
            new ExtendedCommunityType(0x02, 0x03, "route origin, 4-octet AS",
                    c -> "origin:" + c.u32(2) + ":" + c.u16(6)),
            // IANA: RT-record (RFC 4364 inter-AS), subtype 0x13 of the three AS/IP-specific types
            new ExtendedCommunityType(0x00, 0x13, "rt-record, 2-octet AS",
                    c -> "rtrecord:" + c.u16(2) + ":" + c.u32(4)),
            new ExtendedCommunityType(0x01, 0x13, "rt-record, IPv4", c -> "rtrecord:" + c.ipv4(2) + ":" + c.u16(6)),
            new ExtendedCommunityType(0x02, 0x13, "rt-record, 4-octet AS",
                    c -> "rtrecord:" + c.u32(2) + ":" + c.u16(6)),
            // draft-ietf-idr-link-bandwidth §3: AS(2) and bandwidth as IEEE float32 bytes/second
            new ExtendedCommunityType(0x40, 0x04, "link bandwidth",
                    c -> "bandwidth:" + c.u16(2) + ":" + c.float32Text(4)),
            // RFC 8955 §7 flow actions
            new ExtendedCommunityType(0x80, 0x06, "flow traffic-rate-bytes", c -> "rate-limit:" + c.float32Text(4)),
            new ExtendedCommunityType(0x80, 0x07, "flow traffic-action", c -> "action " + action(c)),
            new ExtendedCommunityType(0x80, 0x08, "flow redirect, 2-octet AS",
                    c -> "redirect:" + c.u16(2) + ":" + c.u32(4)),
            new ExtendedCommunityType(0x82, 0x08, "flow redirect, 4-octet AS",
                    c -> "redirect:" + c.u32(2) + ":" + c.u16(6)),
            new ExtendedCommunityType(0x80, 0x09, "flow traffic-marking", c -> "mark " + c.u8(7)),
            // RFC 4761 §3.2.4 layer2 info: encapsulation, control flags, MTU, reserved (ExaBGP: preference)
            new ExtendedCommunityType(0x80, 0x0A, "layer2 info",
                    c -> "l2info:" + c.u8(2) + ":" + c.u8(3) + ":" + c.u16(4) + ":" + c.u16(6)),
            // draft-ietf-idr-flowspec-redirect-ip: IPv4-address-specific redirect to IP, copy flag in the local part
            new ExtendedCommunityType(0x01, 0x0C, "flow redirect to IPv4",
                    c -> "redirect-to-nexthop-ietf " + c.ipv4(2)),
            // draft-simpson-idr-flowspec-redirect §3: the copy bit is the last bit
            new ExtendedCommunityType(0x08, 0x00, "flow redirect to next-hop",
                    c -> (c.u8(7) & 0x01) != 0 ? "copy-to-nexthop" : "redirect-to-nexthop"),
            // RFC 9012 §4.1: transitive opaque, 4 reserved bytes, then the 2-byte tunnel type
            new ExtendedCommunityType(0x03, 0x0C, "encapsulation", c -> "encap:" + tunnelName((int) c.u16(6))),
            // RFC 7432 §7.8: default gateway, transitive opaque with an all-zero value
            new ExtendedCommunityType(0x03, 0x0D, "EVPN default gateway", c -> "default-gateway"),
            // draft-ietf-bess-service-chaining §3.2.3: transitive opaque, sort order(4), reserved(2)
            new ExtendedCommunityType(0x03, 0x14, "consistent hash sort order",
                    c -> "consistentHashSortOrder:" + c.u32(2)),
            // RFC 7432 §7.7: flags (bit 0x01 sticky), reserved, sequence number(4)
            new ExtendedCommunityType(0x06, 0x00, "EVPN MAC mobility",
                    c -> "mac-mobility:" + c.u32(4) + ((c.u8(2) & 0x01) != 0 ? ":sticky" : "")),
            // RFC 7432 §7.5: flags (bit 0x01 single-active), reserved(2), label(3, the 20 high-order bits)
            new ExtendedCommunityType(0x06, 0x01, "EVPN ESI label",
                    c -> "esi-label:" + (c.u24(5) >>> 4) + ((c.u8(2) & 0x01) != 0 ? ":single-active" : "")),
            // RFC 7432 §7.6: ES-import route target, a 6-byte MAC
            new ExtendedCommunityType(0x06, 0x02, "EVPN ES-import route target", c -> "es-import:" + c.mac(2)),
            // RFC 9135 §8.1: router's MAC
            new ExtendedCommunityType(0x06, 0x03, "EVPN router's MAC", c -> "router-mac:" + c.mac(2)),
            // draft-ietf-idr-flowspec-interfaceset §3: transitive 07 02 and non-transitive 47 02
            new ExtendedCommunityType(0x07, 0x02, "flow interface-set", ExtendedCommunityType::interfaceSet),
            // draft-mpmz-bess-mup-safi: direct segment identifier
            new ExtendedCommunityType(0x0C, 0x00, "MUP direct segment", c -> "mup:" + c.u16(2) + ":" + c.u32(4)));

    private static final Map<Integer, ExtendedCommunityType> BY_KEY = new HashMap<>();

    static {
        for (ExtendedCommunityType t : ALL) {
            if (BY_KEY.put(key(t.type, t.subtype), t) != null)
                throw new IllegalStateException("two extended community rows for " + t.id());
        }
    }

    /** The row of a community, or null for one we print raw. */
    public static @Nullable ExtendedCommunityType of(ExtendedCommunity c) {
        return BY_KEY.get(key(c.type(), c.subtype()));
    }

    /** The row whose id ({@code 0600}) is given, or null. */
    public static @Nullable ExtendedCommunityType byId(String id) {
        for (ExtendedCommunityType t : ALL) if (t.id().equals(id)) return t;
        return null;
    }

    /** A tunnel type's name, or its number when it has none. */
    public static String tunnelName(int tunnelType) {
        String n = TUNNEL_TYPES.get(tunnelType);
        return n != null ? n : Integer.toString(tunnelType);
    }

    /** A tunnel type by name (case-insensitive) or number, or -1. */
    public static int tunnelType(String text) {
        for (Map.Entry<Integer, String> e : TUNNEL_TYPES.entrySet())
            if (e.getValue().equalsIgnoreCase(text)) return e.getKey();
        if (!text.isEmpty() && text.length() <= 5 && text.chars().allMatch(Character::isDigit)) {
            int v = Integer.parseInt(text);
            return v <= 0xFFFF ? v : -1;
        }
        return -1;
    }

    /** RFC 8955 §7.6: sample 0x02 and terminal 0x01 in the last byte. */
    private static String action(ExtendedCommunity c) {
        boolean sample = (c.u8(7) & 0x02) != 0;
        boolean terminal = (c.u8(7) & 0x01) != 0;
        if (sample && terminal) return "sample-terminal";
        if (sample) return "sample";
        if (terminal) return "terminal";
        return "none";
    }

    /** draft-ietf-idr-flowspec-interfaceset §3: AS(4), 2 direction bits, 14-bit group id. */
    private static String interfaceSet(ExtendedCommunity c) {
        int low = (int) c.u16(6);
        String direction = switch (low >>> 14) {
            case 1 -> "input";
            case 2 -> "output";
            case 3 -> "input-output";
            default -> "unknown";
        };
        return "interface-set:" + direction + ":" + c.u32(2) + ":" + (low & 0x3FFF);
    }
}
