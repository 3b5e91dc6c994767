package org.jexabgp.wire.nlri.flow;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The FlowSpec component types 1–13 (RFC 8955 §4.2.2, RFC 8956 §3), with ExaBGP's names (config.md §13.1, json.md
 * §5.6), their operator class and the value names ExaBGP prints and parses. A closed set: unknown types cannot be
 * skipped (their length is unknown), so an NLRI holding one is malformed (RFC 8955 §4.2.3).
 */
public enum FlowComponentType {
    DESTINATION(1, "destination-ipv4", "destination-ipv6", Kind.PREFIX, 0),
    SOURCE(2, "source-ipv4", "source-ipv6", Kind.PREFIX, 0),
    PROTOCOL(3, "protocol", "next-header", Kind.NUMERIC, 1),
    PORT(4, "port", "port", Kind.NUMERIC, 2),
    DESTINATION_PORT(5, "destination-port", "destination-port", Kind.NUMERIC, 2),
    SOURCE_PORT(6, "source-port", "source-port", Kind.NUMERIC, 2),
    ICMP_TYPE(7, "icmp-type", "icmp-type", Kind.NUMERIC, 1),
    ICMP_CODE(8, "icmp-code", "icmp-code", Kind.NUMERIC, 1),
    TCP_FLAGS(9, "tcp-flags", "tcp-flags", Kind.BITMASK, 2),
    PACKET_LENGTH(10, "packet-length", "packet-length", Kind.NUMERIC, 2),
    DSCP(11, "dscp", "traffic-class", Kind.NUMERIC, 1),
    FRAGMENT(12, "fragment", "fragment", Kind.BITMASK, 2),
    FLOW_LABEL(13, "flow-label", "flow-label", Kind.NUMERIC, 4);

    /** How the component's value is written (RFC 8955 §4.2.2: prefix, numeric_op or bitmask_op terms). */
    public enum Kind {
        PREFIX,
        NUMERIC,
        BITMASK
    }

    /** One value name: {@code tcp 6}, {@code syn 2}, ... */
    public record Name(String name, long value) {}

    private final int code;
    private final String ipv4Name;
    private final String ipv6Name;
    private final Kind kind;
    private final int maxBytes;

    FlowComponentType(int code, String ipv4Name, String ipv6Name, Kind kind, int maxBytes) {
        this.code = code;
        this.ipv4Name = ipv4Name;
        this.ipv6Name = ipv6Name;
        this.kind = kind;
        this.maxBytes = maxBytes;
    }

    public int code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    /** The JSON key and text keyword: {@code destination-ipv4}, {@code next-header}, ... */
    public String jsonName(boolean ipv6) {
        return ipv6 ? ipv6Name : ipv4Name;
    }

    /** values() copies its array on every call; decoding looks a type up per component. */
    private static final FlowComponentType[] BY_CODE = values();

    public static @Nullable FlowComponentType of(int code) {
        return code >= 1 && code <= 13 ? BY_CODE[code - 1] : null;
    }

    /**
     * The value size ExaBGP writes (wire.md §5.1): protocol, icmp and dscp/traffic-class always one byte; ports,
     * packet-length, tcp-flags and fragment one byte below 256, else two; flow-label 1, 2 or 4.
     */
    public int valueBytes(long value) {
        if (maxBytes == 1 || value < 0x100) return 1;
        if (maxBytes == 2 || value < 0x10000) return 2;
        return 4;
    }

    /** The largest value the component takes. */
    public long maxValue() {
        return maxBytes == 1 ? 0xFF : maxBytes == 2 ? 0xFFFF : 0xF_FFFFL;
    }

    /** Names of values (config.md §13.1); empty when values are plain numbers. */
    public List<Name> names() {
        return switch (this) {
            case PROTOCOL -> PROTOCOLS;
            case ICMP_TYPE -> ICMP_TYPES;
            case ICMP_CODE -> ICMP_CODES;
            case TCP_FLAGS -> TCP_FLAG_NAMES;
            case FRAGMENT -> FRAGMENTS;
            default -> List.of();
        };
    }

    /** A value by name (case-insensitive, {@code _} same as {@code -}), or -1. */
    public long named(String text) {
        String n = text.toLowerCase(Locale.ROOT).replace('_', '-');
        for (Name x : names()) if (x.name.equals(n)) return x.value;
        return -1;
    }

    /**
     * ExaBGP's text of one value: a bitmask as its flag names joined by {@code +} (lowest bit first), a protocol or
     * icmp-type by name, anything else (or unnamed) in decimal.
     */
    public String valueText(long value) {
        if (kind == Kind.BITMASK) {
            List<Name> flags = names();
            long rest = value;
            StringBuilder sb = new StringBuilder();
            for (Name f : flags) {
                if ((rest & f.value) == 0 || Long.bitCount(f.value) != 1) continue;
                if (!sb.isEmpty()) sb.append('+');
                sb.append(f.name);
                rest &= ~f.value;
            }
            return rest == 0 && !sb.isEmpty() ? sb.toString() : Long.toString(value);
        }
        if (this == PROTOCOL || this == ICMP_TYPE) {
            for (Name x : names()) if (x.value == value) return x.name;
        }
        return Long.toString(value);
    }

    private static final List<Name> PROTOCOLS = List.of(
            new Name("icmp", 1), new Name("igmp", 2), new Name("tcp", 6), new Name("egp", 8), new Name("udp", 17),
            new Name("rsvp", 46), new Name("gre", 47), new Name("esp", 50), new Name("ah", 51), new Name("ospf", 89),
            new Name("ipip", 94), new Name("pim", 103), new Name("sctp", 132));

    private static final List<Name> TCP_FLAG_NAMES = List.of(
            new Name("fin", 1), new Name("syn", 2), new Name("rst", 4), new Name("push", 8), new Name("ack", 16),
            new Name("urg", 32), new Name("urgent", 32), new Name("ece", 64), new Name("cwr", 128),
            new Name("ns", 256));

    private static final List<Name> FRAGMENTS = List.of(
            new Name("dont-fragment", 1), new Name("is-fragment", 2), new Name("first-fragment", 4),
            new Name("last-fragment", 8));

    private static final List<Name> ICMP_TYPES = List.of(
            new Name("echo-reply", 0), new Name("unreachable", 3), new Name("redirect", 5),
            new Name("echo-request", 8), new Name("router-advertisement", 9), new Name("router-solicit", 10),
            new Name("time-exceeded", 11), new Name("parameter-problem", 12), new Name("timestamp", 13),
            new Name("timestamp-reply", 14), new Name("photuris", 40), new Name("experimental-mobility", 41),
            new Name("extended-echo-request", 42), new Name("extended-echo-reply", 43),
            new Name("experimental-one", 253), new Name("experimental-two", 254));

    private static final List<Name> ICMP_CODES = List.of(
            new Name("network-unreachable", 0), new Name("host-unreachable", 1), new Name("protocol-unreachable", 2),
            new Name("port-unreachable", 3), new Name("fragmentation-needed", 4), new Name("source-route-failed", 5),
            new Name("destination-network-unknown", 6), new Name("destination-host-unknown", 7),
            new Name("source-host-isolated", 8), new Name("destination-network-prohibited", 9),
            new Name("destination-host-prohibited", 10), new Name("network-unreachable-for-tos", 11),
            new Name("host-unreachable-for-tos", 12), new Name("communication-prohibited-by-filtering", 13),
            new Name("host-precedence-violation", 14), new Name("precedence-cutoff-in-effect", 15),
            new Name("redirect-for-network", 0), new Name("redirect-for-host", 1),
            new Name("redirect-for-tos-and-net", 2), new Name("redirect-for-tos-and-host", 3),
            new Name("ttl-eq-zero-during-transit", 0), new Name("ttl-eq-zero-during-reassembly", 1),
            new Name("required-option-missing", 1), new Name("ip-header-bad", 2));
}
