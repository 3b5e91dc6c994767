package org.jexabgp.wire.attribute;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireWriter;

/**
 * IPv6 Address Specific Extended Community attribute (25), RFC 5701: 20-byte entries, type(1) subtype(1) IPv6(16)
 * local(2). Sent for the IPv6 form of {@code redirect-to-nexthop-ietf} (subtype 0x0C,
 * draft-ietf-idr-flowspec-redirect-ip) and for flow {@code redirect "[<ipv6>]:<n>"} (subtype 0x02, which ExaBGP
 * wrongly puts in attribute 16, wire.md §8). ExaBGP shows the attribute as a generic one
 * ({@code "attribute-0x19-0xC0": "0x…"}, wire.md §6), so JSON and text stay that way; {@link #strings()} gives each
 * entry's decoded text ({@link #ROWS}).
 */
public record Ipv6ExtendedCommunities(List<Bytes> values) implements Attribute {
    public static final int ENTRY = 20;
    private static final int FLAGS = 0xC0;

    static final AttributeCodec CODEC = (body, flags, session) -> {
        // RFC 5701 §2: the length is a multiple of 20
        if (body.remaining() % ENTRY != 0) throw Malformed.attributeLength(25, body.remaining());
        List<Bytes> out = new ArrayList<>();
        while (body.hasRemaining()) out.add(body.bytes(ENTRY));
        return new Ipv6ExtendedCommunities(out);
    };

    public Ipv6ExtendedCommunities {
        for (Bytes b : values) if (b.length() != ENTRY) throw new IllegalArgumentException("an entry has 20 bytes");
        values = values.stream().sorted().toList();
    }

    /**
     * The known IPv6-address-specific types (RFC 5701 §2 layout: type, subtype, IPv6, local 2 bytes), keyed as the
     * 8-byte registry by {@code (type & 0x0F, subtype)}; row ids carry a {@code v6-} prefix ({@code v6-000c}).
     */
    public record Row(int type, int subtype, String name, String keyword) {
        public String id() {
            return String.format(Locale.ROOT, "v6-%02x%02x", type, subtype);
        }

        String text(Bytes entry) {
            byte[] ip = java.util.Arrays.copyOfRange(entry.toArray(), 2, 18);
            int local = entry.u8(18) << 8 | entry.u8(19);
            String address = IpAddress.of(ip).toString();
            return subtype == 0x0C
                    // draft-ietf-idr-flowspec-redirect-ip: the local part carries the copy flag
                    ? ((local & 1) != 0 ? "copy-to-nexthop-ietf " : "redirect-to-nexthop-ietf ") + address
                    : keyword + " " + address + ":" + local;
        }
    }

    public static final List<Row> ROWS = List.of(
            // RFC 5701 §2 route target; as a flow action, redirect to the VRF it names (RFC 8955 §7.4 analogue)
            new Row(0x00, 0x02, "IPv6 route target / flow redirect", "redirect"),
            // draft-ietf-idr-flowspec-redirect-ip §3
            new Row(0x00, 0x0C, "flow redirect to IPv6", "redirect-to-nexthop-ietf"));

    /** The row of one 20-byte entry, or null. */
    public static @org.jspecify.annotations.Nullable Row row(Bytes entry) {
        for (Row r : ROWS) if ((r.type & 0x0F) == (entry.u8(0) & 0x0F) && r.subtype == entry.u8(1)) return r;
        return null;
    }

    /** One entry's text: its row's form, or {@code 0x<40 hex>}. */
    public static String text(Bytes entry) {
        Row r = row(entry);
        return r != null ? r.text(entry) : "0x" + entry.hex();
    }

    /** Each entry's text, in order. */
    public List<String> strings() {
        return values.stream().map(Ipv6ExtendedCommunities::text).toList();
    }

    /** RFC 5701 §2 IPv6 route target {@code 00 02 ip6 local16}: flow {@code redirect "[<ipv6>]:<n>"}. */
    public static Bytes redirect(IpAddress ipv6, int local) {
        if (ipv6.isV4()) throw new IllegalArgumentException("an IPv6 address is needed");
        if (local < 0 || local > 0xFFFF) throw new IllegalArgumentException("redirect value " + local);
        return new WireWriter(ENTRY).u8(0x00).u8(0x02).bytes(ipv6.bytes()).u16(local).toBytes();
    }

    /** Redirect to an IPv6 next hop: transitive IPv6-address-specific type 0x00, subtype 0x0C, local 0. */
    public static Bytes redirectToNextHop(IpAddress ipv6, boolean copy) {
        if (ipv6.isV4()) throw new IllegalArgumentException("an IPv6 address is needed");
        return new WireWriter(ENTRY).u8(0x00).u8(0x0C).bytes(ipv6.bytes()).u16(copy ? 1 : 0).toBytes();
    }

    @Override
    public AttributeCode code() {
        return AttributeCode.IPV6_EXTENDED_COMMUNITY;
    }

    @Override
    public int flags() {
        return FLAGS;
    }

    @Override
    public void encodeValue(WireWriter out, Negotiated session) {
        for (Bytes b : values) out.bytes(b);
    }

    private String hex() {
        StringBuilder sb = new StringBuilder();
        for (Bytes b : values) sb.append(b.hex());
        return sb.toString();
    }

    @Override
    public void json(JsonSink out) {
        out.field(String.format(Locale.ROOT, "attribute-0x%02X-0x%02X", code().value(), FLAGS), "0x" + hex());
    }

    @Override
    public String text() {
        return String.format(Locale.ROOT, "attribute [ 0x%02X 0x%02X 0x%s ]", code().value(), FLAGS, hex());
    }
}
