package org.jexabgp.wire.attribute;

import org.jexabgp.wire.Bytes;

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

    /** Type, subtype and the 6-byte value field (RFC 4360 §2), the value as the low 48 bits of {@code value48}. */
    public static ExtendedCommunity of(int type, int subtype, long value48) {
        if (type < 0 || type > 0xFF || subtype < 0 || subtype > 0xFF || value48 >>> 48 != 0)
            throw new IllegalArgumentException("extended community " + type + "/" + subtype + "/" + value48);
        return of((long) type << 56 | (long) subtype << 48 | value48);
    }

    /** Route target (subtype 2) or origin (3), 4-octet AS specific (RFC 5668 §2: type 0x02, AS(4), value(2)). */
    public static ExtendedCommunity as4Specific(int subtype, long asn, int value) {
        if (asn < 0 || asn > 0xFFFF_FFFFL || value < 0 || value > 0xFFFF)
            throw new IllegalArgumentException("4-octet AS specific " + asn + ":" + value);
        return of(0x02, subtype, asn << 16 | value);
    }

    /** RFC 7432 §7.7 MAC mobility: flags (sticky 0x01), reserved, sequence number. */
    public static ExtendedCommunity macMobility(long sequence, boolean sticky) {
        if (sequence < 0 || sequence > 0xFFFF_FFFFL) throw new IllegalArgumentException("sequence " + sequence);
        return of(0x06, 0x00, (sticky ? 1L : 0L) << 40 | sequence);
    }

    /** RFC 7432 §7.5 ESI label: flags (single-active 0x01), reserved(2), the label in the 20 high bits of 3 bytes. */
    public static ExtendedCommunity esiLabel(int label, boolean singleActive) {
        if (label < 0 || label > 0xFFFFF) throw new IllegalArgumentException("label " + label);
        return of(0x06, 0x01, (singleActive ? 1L : 0L) << 40 | (long) label << 4);
    }

    /** RFC 7432 §7.6 ES-import route target (subtype 2) or RFC 9135 §8.1 router's MAC (subtype 3). */
    public static ExtendedCommunity evpnMac(int subtype, long mac48) {
        return of(0x06, subtype, mac48);
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

    int u8(int at) {
        return value.u8(at);
    }

    long u16(int at) {
        return (long) value.u8(at) << 8 | value.u8(at + 1);
    }

    long u24(int at) {
        return (long) value.u8(at) << 16 | u16(at + 1);
    }

    long u32(int at) {
        return u16(at) << 16 | u16(at + 2);
    }

    String ipv4(int at) {
        return value.u8(at) + "." + value.u8(at + 1) + "." + value.u8(at + 2) + "." + value.u8(at + 3);
    }

    /** Six bytes as an upper-case colon-separated MAC, as ExaBGP prints EVPN MACs (json.md §5.3). */
    String mac(int at) {
        StringBuilder sb = new StringBuilder(17);
        for (int i = at; i < at + 6; i++) {
            if (i > at) sb.append(':');
            sb.append(String.format(java.util.Locale.ROOT, "%02X", value.u8(i)));
        }
        return sb.toString();
    }

    /** An IEEE float32 (RFC 8955 §7.3 rates, link bandwidth); ExaBGP prints it without decimals when integral. */
    String float32Text(int at) {
        float f = Float.intBitsToFloat((int) u32(at));
        return f == Math.rint(f) && !Float.isInfinite(f) ? Long.toString((long) f) : Float.toString(f);
    }

    /** The registry row of this community, or null when it is printed raw. */
    public @org.jspecify.annotations.Nullable ExtendedCommunityType kind() {
        return ExtendedCommunityType.of(this);
    }

    /**
     * ExaBGP's text form (JSON {@code "string"} and the text encoder): the row's renderer from
     * {@link ExtendedCommunityType}, {@code 0x<16 hex>} for anything else.
     */
    public String text() {
        ExtendedCommunityType t = kind();
        return t != null ? t.text().apply(this) : "0x" + value.hex();
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
