package org.jexabgp.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.jexabgp.wire.attribute.Aggregator;
import org.jexabgp.wire.attribute.AsPath;
import org.jexabgp.wire.attribute.AtomicAggregate;
import org.jexabgp.wire.attribute.Attribute;
import org.jexabgp.wire.attribute.ClusterList;
import org.jexabgp.wire.attribute.Communities;
import org.jexabgp.wire.attribute.Community;
import org.jexabgp.wire.attribute.ExtendedCommunities;
import org.jexabgp.wire.attribute.ExtendedCommunity;
import org.jexabgp.wire.attribute.GenericAttribute;
import org.jexabgp.wire.attribute.LargeCommunities;
import org.jexabgp.wire.attribute.LargeCommunity;
import org.jexabgp.wire.attribute.LocalPref;
import org.jexabgp.wire.attribute.Med;
import org.jexabgp.wire.attribute.MpReach;
import org.jexabgp.wire.attribute.MpUnreach;
import org.jexabgp.wire.attribute.NextHop;
import org.jexabgp.wire.attribute.Origin;
import org.jexabgp.wire.attribute.OriginatorId;
import org.jexabgp.wire.message.Update;
import org.jexabgp.wire.nlri.Nlri;
import org.jexabgp.wire.nlri.Prefix;
import org.jexabgp.wire.nlri.inet.InetNlri;

/**
 * Seeded random wire values for round-trip properties. Every test takes its seed from {@link #seed()} so that
 * {@code -Djexabgp.seed=N} replays a failure; the seed belongs in every assertion message.
 */
public final class Generators {
    private Generators() {}

    public static final List<Family> FAMILIES =
            List.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST, Family.IPV4_MULTICAST, Family.IPV6_MULTICAST);

    public static long seed() {
        return Long.getLong("jexabgp.seed", System.nanoTime());
    }

    /** A session: ASN4 or not, add-path (symmetric, so what we send we also read) on some families. */
    public static Negotiated negotiated(SplittableRandom r) {
        Set<Family> addPath = new java.util.HashSet<>();
        for (Family f : FAMILIES) if (r.nextInt(4) == 0) addPath.add(f);
        return Negotiated.standalone(65001, 65002, FAMILIES).withAsn4(r.nextBoolean()).withAddPath(addPath, addPath);
    }

    public static long u32(SplittableRandom r) {
        return switch (r.nextInt(4)) {
            case 0 -> r.nextLong(0, 0x10000);
            case 1 -> r.nextLong(0x10000, 0x1_0000_0000L);
            case 2 -> 0;
            default -> r.nextLong(0, 0x1_0000_0000L);
        };
    }

    public static IpAddress v4(SplittableRandom r) {
        return IpAddress.v4(r.nextLong(0, 0x1_0000_0000L));
    }

    public static IpAddress v6(SplittableRandom r) {
        byte[] b = new byte[16];
        r.nextBytes(b);
        return IpAddress.of(b);
    }

    /** A prefix with no bit set past its mask (the wire cannot carry bytes past ceil(len/8)). */
    public static Prefix prefix(SplittableRandom r, Afi afi) {
        int size = afi.equals(Afi.IPV6) ? 16 : 4;
        int len = r.nextInt(size * 8 + 1);
        byte[] b = new byte[size];
        r.nextBytes(b);
        for (int bit = len; bit < size * 8; bit++) b[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        return new Prefix(IpAddress.of(b), len);
    }

    public static InetNlri inet(SplittableRandom r, Family f, Negotiated session) {
        long pathId = session.sendsPathId(f) ? u32(r) : 0;
        return new InetNlri(f, prefix(r, f.afi()), pathId);
    }

    public static List<Nlri> inets(SplittableRandom r, Family f, Negotiated session, int max) {
        List<Nlri> out = new ArrayList<>();
        int n = r.nextInt(max + 1);
        for (int i = 0; i < n; i++) out.add(inet(r, f, session));
        return out;
    }

    /**
     * An AS path. Without ASN4, confederation segments are only put in front and hold 2-byte ASNs: AS4_PATH cannot
     * carry them, so nothing else survives the RFC 6793 merge (see {@link AsPath#merge}).
     */
    public static AsPath asPath(SplittableRandom r, boolean asn4) {
        List<AsPath.Segment> segments = new ArrayList<>();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            int type = 1 + r.nextInt(4);
            if (!asn4 && type > 2 && i > 0) type = AsPath.AS_SEQUENCE;
            long[] asns = new long[1 + r.nextInt(r.nextInt(20) == 0 ? 255 : 6)];
            // RFC 6793 §3: AS4_PATH carries no confederation segment, so their ASNs must fit in two bytes
            boolean confed = type > 2;
            for (int j = 0; j < asns.length; j++) asns[j] = !asn4 && confed ? r.nextLong(0, 0x10000) : u32(r);
            segments.add(new AsPath.Segment(type, asns));
        }
        return new AsPath(segments);
    }

    /** One value per known attribute kind, each kind at most once, in a shuffled order; MP attributes optional. */
    public static List<Attribute> attributes(SplittableRandom r, Negotiated session, boolean classicNlri) {
        List<Attribute> out = new ArrayList<>();
        out.add(new Origin(r.nextInt(3)));
        AsPath path = asPath(r, session.asn4());
        out.add(path);
        if (classicNlri || r.nextBoolean()) out.add(new NextHop(v4(r)));
        if (r.nextBoolean()) out.add(new Med(u32(r)));
        if (r.nextBoolean()) out.add(new LocalPref(u32(r)));
        if (r.nextBoolean()) out.add(new AtomicAggregate());
        if (r.nextBoolean()) {
            // without ASN4 an AGGREGATOR that is not AS_TRANS disables the AS4_PATH merge (RFC 6793 §4.2.3), which
            // is only a round trip when the path needs no AS4_PATH
            long asn = session.asn4() || !path.needsAs4() ? u32(r) : r.nextLong(0x10000, 0x1_0000_0000L);
            out.add(new Aggregator(asn, v4(r)));
        }
        if (r.nextBoolean()) {
            List<Community> cs = new ArrayList<>();
            for (int i = 0, n = 1 + r.nextInt(70); i < n; i++) cs.add(new Community(u32(r)));
            out.add(new Communities(cs));
        }
        if (r.nextBoolean()) out.add(new OriginatorId(v4(r)));
        if (r.nextBoolean()) {
            List<IpAddress> cl = new ArrayList<>();
            for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) cl.add(v4(r));
            out.add(new ClusterList(cl));
        }
        if (r.nextBoolean()) {
            List<ExtendedCommunity> ec = new ArrayList<>();
            for (int i = 0, n = 1 + r.nextInt(5); i < n; i++) {
                byte[] b = new byte[8];
                r.nextBytes(b);
                ec.add(new ExtendedCommunity(Bytes.of(b)));
            }
            out.add(new ExtendedCommunities(ec));
        }
        if (r.nextBoolean()) {
            List<LargeCommunity> lc = new ArrayList<>();
            for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) lc.add(new LargeCommunity(u32(r), u32(r), u32(r)));
            out.add(new LargeCommunities(lc));
        }
        if (r.nextBoolean()) {
            // an unknown optional transitive attribute, as received: partial bit set (RFC 4271 §5)
            int code = List.of(0x63, 0x80, 0xF0, 0xFF).get(r.nextInt(4));
            byte[] v = new byte[1 + r.nextInt(r.nextInt(10) == 0 ? 400 : 8)];
            r.nextBytes(v);
            out.add(new GenericAttribute(code, 0xE0, Bytes.of(v)));
        }
        if (r.nextBoolean()) {
            Family f = FAMILIES.get(r.nextInt(FAMILIES.size()));
            out.add(new MpUnreach(f, inets(r, f, session, 5)));
        }
        if (r.nextBoolean()) {
            Family f = FAMILIES.get(r.nextInt(FAMILIES.size()));
            List<IpAddress> hops = switch (r.nextInt(4)) {
                case 0 -> List.of();
                case 1 -> List.of(v4(r));
                case 2 -> List.of(v6(r));
                default -> List.of(v6(r), v6(r));
            };
            out.add(new MpReach(f, hops, inets(r, f, session, 5)));
        }
        // any order: the decoder keeps the received order
        for (int i = out.size() - 1; i > 0; i--) java.util.Collections.swap(out, i, r.nextInt(i + 1));
        return out;
    }

    /** A well-formed UPDATE: every mandatory attribute present, so it decodes with {@link Verdict#ACCEPT}. */
    public static Update update(SplittableRandom r, Negotiated session) {
        List<Nlri> withdrawn = inets(r, Family.IPV4_UNICAST, session, 4);
        List<Nlri> announced = inets(r, Family.IPV4_UNICAST, session, 4);
        if (r.nextInt(5) == 0) return new Update(withdrawn, List.of(), List.of());
        return new Update(withdrawn, attributes(r, session, !announced.isEmpty()), announced);
    }
}
