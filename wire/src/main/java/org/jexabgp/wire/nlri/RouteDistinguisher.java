package org.jexabgp.wire.nlri;

import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Truncated;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;

/**
 * A route distinguisher, RFC 4364 §4.2: a 2-byte type and a 6-byte value. Types 0 (2-byte ASN, 4-byte number), 1
 * (IPv4 address, 2-byte number) and 2 (4-byte ASN, 2-byte number) have text forms; other types are kept as bytes
 * (ARCHITECTURE §1.4).
 */
public record RouteDistinguisher(Bytes value) implements Comparable<RouteDistinguisher> {
    public static final int LENGTH = 8;
    /** All zero: the RD put in front of VPN next hops (RFC 4364 §4.3.2). */
    public static final RouteDistinguisher ZERO = new RouteDistinguisher(Bytes.of(new byte[LENGTH]));

    public RouteDistinguisher {
        if (value.length() != LENGTH) throw new IllegalArgumentException("a route distinguisher has 8 bytes");
    }

    /** Type 0: {@code asn16:u32}. */
    public static RouteDistinguisher type0(int asn, long number) {
        if (asn < 0 || asn > 0xFFFF) throw new IllegalArgumentException("rd asn " + asn + " is not 2 bytes");
        if (number < 0 || number > 0xFFFF_FFFFL) throw new IllegalArgumentException("rd number " + number);
        return new RouteDistinguisher(new WireWriter(8).u16(0).u16(asn).u32(number).toBytes());
    }

    /** Type 1: {@code ipv4:u16}. */
    public static RouteDistinguisher type1(IpAddress ip, int number) {
        if (!ip.isV4()) throw new IllegalArgumentException("rd address " + ip + " is not IPv4");
        if (number < 0 || number > 0xFFFF) throw new IllegalArgumentException("rd number " + number);
        return new RouteDistinguisher(new WireWriter(8).u16(1).bytes(ip.bytes()).u16(number).toBytes());
    }

    /** Type 2: {@code asn32:u16}. */
    public static RouteDistinguisher type2(long asn, int number) {
        if (asn < 0 || asn > 0xFFFF_FFFFL) throw new IllegalArgumentException("rd asn " + asn);
        if (number < 0 || number > 0xFFFF) throw new IllegalArgumentException("rd number " + number);
        return new RouteDistinguisher(new WireWriter(8).u16(2).u32(asn).u16(number).toBytes());
    }

    /**
     * Parses ExaBGP's text (config.md §12): {@code <ipv4>:<u16>} is type 1; {@code <asn>:<n>} is type 0 when the ASN
     * fits 2 bytes and n 4 bytes, else type 2 when n fits 2 bytes. Throws IllegalArgumentException otherwise.
     */
    public static RouteDistinguisher parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1)
            throw new IllegalArgumentException("invalid route distinguisher '" + text + "'");
        String admin = text.substring(0, colon);
        long number = digits(text.substring(colon + 1), text);
        if (admin.indexOf('.') >= 0) {
            IpAddress ip = IpAddress.tryParse(admin);
            if (ip == null || !ip.isV4() || number > 0xFFFF)
                throw new IllegalArgumentException("invalid route distinguisher '" + text + "'");
            return type1(ip, (int) number);
        }
        long asn = digits(admin, text);
        if (asn <= 0xFFFF && number <= 0xFFFF_FFFFL) return type0((int) asn, number);
        if (asn <= 0xFFFF_FFFFL && number <= 0xFFFF) return type2(asn, (int) number);
        throw new IllegalArgumentException("invalid route distinguisher '" + text + "'");
    }

    private static long digits(String s, String whole) {
        if (s.isEmpty() || s.length() > 10) throw new IllegalArgumentException("invalid route distinguisher '" + whole + "'");
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') throw new IllegalArgumentException("invalid route distinguisher '" + whole + "'");
            v = v * 10 + (c - '0');
        }
        return v;
    }

    public static RouteDistinguisher decode(WireReader in) throws Truncated {
        return new RouteDistinguisher(in.bytes(LENGTH));
    }

    public void encode(WireWriter out) {
        out.bytes(value);
    }

    /** json.md §5.6: {@code "rd": "65002:2"}. */
    public void json(JsonSink out) {
        out.field("rd", toString());
    }

    public int type() {
        return value.u8(0) << 8 | value.u8(1);
    }

    private long u16(int at) {
        return value.u8(at) << 8 | value.u8(at + 1);
    }

    private long u32(int at) {
        return u16(at) << 16 | u16(at + 2);
    }

    /** ExaBGP's text: {@code 65000:1}, {@code 1.2.3.4:5}; an unknown type as {@code 0x} and the 8 bytes in hex. */
    @Override
    public String toString() {
        return switch (type()) {
            case 0 -> u16(2) + ":" + u32(4);
            case 1 -> value.u8(2) + "." + value.u8(3) + "." + value.u8(4) + "." + value.u8(5) + ":" + u16(6);
            case 2 -> u32(2) + ":" + u16(6);
            default -> "0x" + value.hex();
        };
    }

    @Override
    public int compareTo(RouteDistinguisher o) {
        return value.compareTo(o.value);
    }
}
