package org.jexabgp.wire.attribute;

import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.IpAddress;

/**
 * One extended community, RFC 4360: 8 raw bytes (unknown types are data, ARCHITECTURE §1.4). The text is ExaBGP's
 * (wire.md §8), keyed by (type &amp; 0x0F, subtype) as ExaBGP's registry is; anything else prints as {@code 0x<hex>}.
 */
public record ExtendedCommunity(Bytes value) implements Comparable<ExtendedCommunity> {
    public ExtendedCommunity {
        if (value.length() != 8) throw new IllegalArgumentException("an extended community has 8 bytes");
    }

    public static ExtendedCommunity of(long value) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) b[i] = (byte) (value >>> (56 - 8 * i));
        return new ExtendedCommunity(Bytes.of(b));
    }

    /** Route target, 2-byte AS (type 0x00 subtype 0x02). */
    public static ExtendedCommunity target(int asn, long value) {
        return of(0x0002L << 48 | (long) asn << 32 | value);
    }

    /** Route origin, 2-byte AS (type 0x00 subtype 0x03). */
    public static ExtendedCommunity origin(int asn, long value) {
        return of(0x0003L << 48 | (long) asn << 32 | value);
    }

    /** The 8 bytes as an unsigned 64-bit number (ExaBGP's JSON {@code "value"}); may be negative as a Java long. */
    public long asLong() {
        long v = 0;
        for (int i = 0; i < 8; i++) v = v << 8 | value.u8(i);
        return v;
    }

    public int type() {
        return value.u8(0);
    }

    public int subtype() {
        return value.u8(1);
    }

    private long u16(int at) {
        return (long) value.u8(at) << 8 | value.u8(at + 1);
    }

    private long u32(int at) {
        return u16(at) << 16 | u16(at + 2);
    }

    private String ip(int at) {
        return IpAddress.of(new byte[] {
                    (byte) value.u8(at), (byte) value.u8(at + 1), (byte) value.u8(at + 2), (byte) value.u8(at + 3)
                })
                .toString();
    }

    /** ExaBGP's text form (JSON {@code "string"} and the text encoder). */
    public String text() {
        int kind = type() & 0x0F;
        int sub = subtype();
        String known =
                switch (sub) {
                    case 0x02 -> kind == 7 ? interfaceSet() : asIpOrAsn("target", kind);
                    case 0x03 -> kind == 0 ? "origin:" + u16(2) + ":" + ip(4) : asIpOrAsn("origin", kind);
                    case 0x13 -> asIpOrAsn("rtrecord", kind);
                    case 0x06 -> kind == 0 ? "rate-limit:" + rate() : null;
                    case 0x07 -> kind == 0 ? "action " + action() : null;
                    case 0x08 ->
                        kind == 0 ? "redirect:" + u16(2) + ":" + u32(4)
                        : kind == 2 ? "redirect:" + u32(2) + ":" + u16(6)
                        : null;
                    case 0x09 -> kind == 0 ? "mark " + value.u8(7) : null;
                    case 0x0A ->
                        kind == 0
                                ? "l2info:" + value.u8(2) + ":" + value.u8(3) + ":" + u16(4) + ":" + u16(6)
                                : null;
                    case 0x0C -> kind == 1 ? "redirect-to-nexthop-ietf " + ip(2) : null;
                    case 0x00 ->
                        kind == 8 ? ((value.u8(7) & 0x01) != 0 ? "copy-to-nexthop" : "redirect-to-nexthop")
                        : kind == 6 ? "mac-mobility:" + u32(4) + ((value.u8(2) & 0x01) != 0 ? ":sticky" : "")
                        : kind == 0x0C ? "mup:" + u16(2) + ":" + u32(4)
                        : null;
                    default -> null;
                };
        return known != null ? known : "0x" + value.hex();
    }

    private @org.jspecify.annotations.Nullable String asIpOrAsn(String name, int kind) {
        return switch (kind) {
            case 0 -> name + ":" + u16(2) + ":" + u32(4);
            case 1 -> name + ":" + ip(2) + ":" + u16(6);
            case 2 -> name + ":" + u32(2) + ":" + u16(6);
            default -> null;
        };
    }

    /** RFC 8955 §7.3: an IEEE float32 in bytes/second; ExaBGP prints it without decimals when integral. */
    private String rate() {
        float f = Float.intBitsToFloat((int) u32(4));
        return f == Math.rint(f) && !Float.isInfinite(f) ? Long.toString((long) f) : Float.toString(f);
    }

    /**
     * draft-ietf-idr-flowspec-interfaceset §3 (types 0x07/0x47, subtype 0x02): AS, then 2 direction bits and a 14-bit
     * group id.
     */
    private String interfaceSet() {
        int low = (int) u16(6);
        String direction = switch (low >>> 14) {
            case 1 -> "input";
            case 2 -> "output";
            case 3 -> "input-output";
            default -> "unknown";
        };
        return "interface-set:" + direction + ":" + u32(2) + ":" + (low & 0x3FFF);
    }

    private String action() {
        boolean sample = (value.u8(7) & 0x02) != 0;
        boolean terminal = (value.u8(7) & 0x01) != 0;
        if (sample && terminal) return "sample-terminal";
        if (sample) return "sample";
        if (terminal) return "terminal";
        return "none";
    }

    @Override
    public int compareTo(ExtendedCommunity o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return text();
    }
}
