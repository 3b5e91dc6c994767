package org.jexabgp.wire.attribute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Generators;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.RoundTrip;
import org.jexabgp.wire.WireWriter;

/**
 * Round trips of the extended-community registry rows: a random community of the row (random 6-byte value, the
 * row's type byte or its non-transitive twin), sent in its attribute and read back; it must come back equal, still
 * belong to the row, and print through the row (never the raw {@code 0x} form).
 */
public final class ExtendedCommunityGenerators {
    private ExtendedCommunityGenerators() {}

    /** A community of row {@code t}: the type keeps its low nibble (the registry key), the high bits vary. */
    public static ExtendedCommunity of(SplittableRandom r, ExtendedCommunityType t) {
        int type = r.nextBoolean() ? t.type() : (t.type() & 0x0F) | (r.nextInt(16) << 4);
        return ExtendedCommunity.of(type, t.subtype(), r.nextLong() >>> 16);
    }

    public static RoundTrip roundTrip(ExtendedCommunityType t) {
        return r -> {
            ExtendedCommunity c = of(r, t);
            Negotiated session = Negotiated.standalone(65001, 65002, Generators.FAMILIES);
            WireWriter w = new WireWriter();
            Attributes.encode(new ExtendedCommunities(List.of(c)), w, session);
            Attribute back = RoundTrip.decodeAttribute(w.toBytes().reader(), session);
            assertThat(back).isEqualTo(new ExtendedCommunities(List.of(c)));
            ExtendedCommunity d = ((ExtendedCommunities) back).values().getFirst();
            assertThat(d.kind()).as("row of %s", d.value().hex()).isSameAs(t);
            assertThat(d.text()).as("text of %s", d.value().hex()).doesNotStartWith("0x").isEqualTo(c.text());
        };
    }

    /** A 20-byte IPv6-address-specific entry of {@code row} in attribute 25, read back with the same text. */
    public static RoundTrip roundTrip(Ipv6ExtendedCommunities.Row row) {
        return r -> {
            byte[] b = new byte[Ipv6ExtendedCommunities.ENTRY];
            r.nextBytes(b);
            b[0] = (byte) row.type();
            b[1] = (byte) row.subtype();
            Ipv6ExtendedCommunities a = new Ipv6ExtendedCommunities(List.of(Bytes.of(b)));
            Negotiated session = Negotiated.standalone(65001, 65002, Generators.FAMILIES);
            WireWriter w = new WireWriter();
            Attributes.encode(a, w, session);
            Attribute back = RoundTrip.decodeAttribute(w.toBytes().reader(), session);
            assertThat(back).isEqualTo(a);
            Bytes entry = ((Ipv6ExtendedCommunities) back).values().getFirst();
            assertThat(Ipv6ExtendedCommunities.row(entry)).isSameAs(row);
            String address = org.jexabgp.wire.IpAddress.of(java.util.Arrays.copyOfRange(b, 2, 18)).toString();
            assertThat(Ipv6ExtendedCommunities.text(entry)).as("text of %s", entry.hex()).contains(" " + address);
        };
    }
}
