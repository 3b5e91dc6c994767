package org.jexabgp.core.rib;

import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jexabgp.core.model.AttributeSet;
import org.jexabgp.core.model.Route;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.JsonSink;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.attribute.Attribute;
import org.jexabgp.wire.attribute.AttributeCode;
import org.jexabgp.wire.nlri.Nlri;
import org.jexabgp.wire.nlri.Prefix;

/**
 * Small stand-ins so the RIB tests do not depend on the attribute and NLRI codecs being written in parallel: a raw
 * attribute with fixed flags and value, and a unicast/multicast prefix NLRI encoded per RFC 4271 §4.3 / RFC 7911.
 */
final class RibFixtures {
    private RibFixtures() {}

    /** An attribute given as its flags and raw value. */
    record Raw(int type, int flags, Bytes value) implements Attribute {
        @Override
        public AttributeCode code() {
            return AttributeCode.of(type);
        }

        @Override
        public void encodeValue(WireWriter out, Negotiated session) {
            out.bytes(value);
        }

        @Override
        public void json(JsonSink out) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String text() {
            return "attribute " + type + " " + value;
        }
    }

    /** A prefix NLRI: optional path id (RFC 7911 §3), length byte, ceil(len/8) address bytes (RFC 4271 §4.3). */
    record PrefixNlri(Family family, Prefix prefix, long pathId) implements Nlri {
        @Override
        public void encode(WireWriter out, boolean withPathId) {
            if (withPathId) out.u32(pathId);
            out.u8(prefix.length());
            Bytes a = prefix.address().bytes();
            for (int i = 0; i < prefix.byteCount(); i++) out.u8(a.u8(i));
        }

        /** Path id, then mask length, then the prefix bytes: ExaBGP's packing order (wire.md §9.3 step 1). */
        @Override
        public Bytes key() {
            WireWriter w = new WireWriter(24);
            encode(w, true);
            return w.toBytes();
        }

        @Override
        public void json(JsonSink out, boolean withPathId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String text() {
            return prefix.toString();
        }
    }

    static Raw med(long value) {
        return new Raw(4, 0x80, new WireWriter().u32(value).toBytes());
    }

    static Raw localPref(long value) {
        return new Raw(5, 0x40, new WireWriter().u32(value).toBytes());
    }

    static Raw community(int asn, int value) {
        return new Raw(8, 0xC0, new WireWriter().u16(asn).u16(value).toBytes());
    }

    static Nlri v4(String prefix) {
        return new PrefixNlri(Family.IPV4_UNICAST, Prefix.parse(prefix), 0);
    }

    static Nlri v6(String prefix) {
        return new PrefixNlri(Family.IPV6_UNICAST, Prefix.parse(prefix), 0);
    }

    static Route route(Nlri nlri, String nextHop, Attribute... attributes) {
        return Route.of(nlri, IpAddress.parse(nextHop), AttributeSet.of(List.of(attributes)));
    }

    static Negotiated ibgp(long as, Family... families) {
        return session(as, as, families);
    }

    static Negotiated session(long localAs, long peerAs, Family... families) {
        return new Negotiated(
                localAs,
                peerAs,
                true,
                Negotiated.STANDARD_SIZE,
                180,
                List.of(families),
                Set.of(),
                Set.of(),
                Set.of(),
                Negotiated.Refresh.NORMAL,
                false,
                false,
                false);
    }

    /** Upper-case hex of a whole message, marker and header included. */
    static String hex(byte[] message) {
        return HexFormat.of().withUpperCase().formatHex(message);
    }

    /** The 16-byte marker, then the given header and body hex (spaces allowed for annotation). */
    static String message(String hex) {
        return "F".repeat(32) + hex.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    static List<String> hex(List<byte[]> messages) {
        return messages.stream().map(RibFixtures::hex).toList();
    }

    /** Some of MED (0-2), a community and LOCAL_PREF 200, each by chance: few distinct sets, so routes share them. */
    static AttributeSet randomAttributes(java.util.SplittableRandom random) {
        List<Attribute> attributes = new java.util.ArrayList<>();
        if (random.nextBoolean()) attributes.add(med(random.nextInt(3)));
        if (random.nextInt(4) == 0) attributes.add(community(174, random.nextInt(2)));
        if (random.nextInt(8) == 0) attributes.add(localPref(200));
        return AttributeSet.of(attributes);
    }
}
