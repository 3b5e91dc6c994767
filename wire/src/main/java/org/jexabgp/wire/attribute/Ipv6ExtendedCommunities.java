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
 * draft-ietf-idr-flowspec-redirect-ip). ExaBGP shows it as a generic attribute
 * ({@code "attribute-0x19-0xC0": "0x…"}, wire.md §6), so we render it that way.
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
