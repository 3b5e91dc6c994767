package org.jexabgp.core.rib;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.jexabgp.core.model.AttributeSet;
import org.jexabgp.core.model.Route;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.attribute.Attribute;
import org.jexabgp.wire.nlri.Prefix;
import org.junit.jupiter.api.Test;

/**
 * Random IPv4 unicast churn, packed and then read back by a minimal UPDATE parser (RFC 4271 §4.3) playing the peer: the
 * peer must end up with exactly the routes the RIB holds, each with its attributes, and no message may exceed the
 * negotiated size.
 */
class UpdatePackingPropertyTest {
    private static final IpAddress[] NEXT_HOPS = {
        IpAddress.parse("192.0.2.1"), IpAddress.parse("192.0.2.2"), IpAddress.parse("198.51.100.7")
    };

    @Test
    void peerSeesExactlyWhatTheRibHolds() {
        for (long seed = 1; seed <= 100; seed++) {
            run(seed);
        }
    }

    private static void run(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        boolean ibgp = random.nextBoolean();
        // small sizes force splitting; at least 100 bytes always leave room for one NLRI after the largest blob
        int size = random.nextBoolean() ? Negotiated.STANDARD_SIZE : 100 + random.nextInt(300);
        Negotiated session = new Negotiated(
                65000, ibgp ? 65000 : 65001, true, size, 180, List.of(Family.IPV4_UNICAST), Set.of(), Set.of(),
                Set.of(), Negotiated.Refresh.NORMAL, false, false, false);
        List<Prefix> prefixes = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(400); i < n; i++) prefixes.add(randomPrefix(random));

        AdjRibOut rib = new AdjRibOut();
        Map<Prefix, Route> expected = new HashMap<>();
        Map<Prefix, Map<Integer, Bytes>> peer = new HashMap<>();
        for (int round = 0; round < 4; round++) {
            for (int op = 0, n = random.nextInt(600); op < n; op++) {
                Prefix p = prefixes.get(random.nextInt(prefixes.size()));
                if (random.nextInt(3) > 0) {
                    Route r = Route.of(
                            new RibFixtures.PrefixNlri(Family.IPV4_UNICAST, p, 0),
                            NEXT_HOPS[random.nextInt(NEXT_HOPS.length)],
                            randomAttributes(random));
                    rib.announce(r);
                    expected.put(p, r);
                } else {
                    RibFixtures.PrefixNlri nlri = new RibFixtures.PrefixNlri(Family.IPV4_UNICAST, p, 0);
                    Route w = Route.of(nlri, IpAddress.V4_ZERO, AttributeSet.EMPTY);
                    rib.withdraw(w);
                    expected.remove(p);
                }
            }
            // The first pass of a session drops withdrawals (wire.md §9.6): harmless, the peer has nothing yet.
            boolean withdrawals = round > 0 || random.nextBoolean();
            PackingOptions options = new PackingOptions(random.nextBoolean());
            List<byte[]> out = rib.drain(session, options, withdrawals);
            for (byte[] m : out) {
                if (m.length > size) throw new AssertionError("seed " + seed + ": " + m.length + " > " + size);
                apply(m, peer, seed);
            }
            assertThat(rib.hasPending()).as("seed %d", seed).isFalse();
            Map<Prefix, Map<Integer, Bytes>> wanted = new HashMap<>();
            for (Map.Entry<Prefix, Route> e : expected.entrySet()) {
                wanted.put(e.getKey(), expectedAttributes(e.getValue(), session));
            }
            if (!peer.equals(wanted)) {
                assertThat(peer.keySet()).as("seed %d round %d: prefixes", seed, round).isEqualTo(wanted.keySet());
                assertThat(peer).as("seed %d round %d: attributes", seed, round).isEqualTo(wanted);
            }
        }
        assertThat(rib.routes()).as("seed %d", seed).containsExactlyInAnyOrderElementsOf(expected.values());
    }

    private static Prefix randomPrefix(SplittableRandom random) {
        int length = 8 + random.nextInt(25);
        long address = random.nextLong(1L << 32) & (0xFFFFFFFFL << (32 - length)) & 0xFFFFFFFFL;
        return new Prefix(IpAddress.v4(address), length);
    }

    private static AttributeSet randomAttributes(SplittableRandom random) {
        List<Attribute> attributes = new ArrayList<>();
        if (random.nextBoolean()) attributes.add(RibFixtures.med(random.nextInt(3)));
        if (random.nextInt(4) == 0) attributes.add(RibFixtures.community(174, random.nextInt(2)));
        if (random.nextInt(4) == 0) attributes.add(RibFixtures.localPref(200));
        return AttributeSet.of(attributes);
    }

    /** What the peer should hold for a route: defaults, NEXT_HOP and the route's own attributes (wire.md §9.3). */
    private static Map<Integer, Bytes> expectedAttributes(Route r, Negotiated session) {
        Map<Integer, Bytes> out = new TreeMap<>();
        out.put(1, Bytes.of((byte) 0));
        out.put(2, session.ibgp() ? Bytes.EMPTY : new WireWriter().u8(2).u8(1).u32(session.localAs()).toBytes());
        out.put(3, r.nextHop().bytes());
        if (session.ibgp()) out.put(5, new WireWriter().u32(100).toBytes());
        for (Attribute a : r.attributes().all()) {
            if (a.code().value() == 5 && !session.ibgp()) continue;
            WireWriter w = new WireWriter();
            a.encodeValue(w, session);
            out.put(a.code().value(), w.toBytes());
        }
        return out;
    }

    /** Reads one UPDATE (RFC 4271 §4.3) and applies it to the peer's table. */
    private static void apply(byte[] message, Map<Prefix, Map<Integer, Bytes>> peer, long seed) {
        try {
            WireReader in = Bytes.of(message).reader();
            for (int i = 0; i < 16; i++) check(in.u8() == 0xFF, seed, "marker");
            check(in.u16() == message.length, seed, "length field");
            check(in.u8() == 2, seed, "type");
            WireReader withdrawn = in.take(in.u16());
            WireReader attributes = in.take(in.u16());
            List<Prefix> nlri = prefixes(in);
            for (Prefix p : prefixes(withdrawn)) peer.remove(p);
            Map<Integer, Bytes> attrs = new LinkedHashMap<>();
            int last = 0;
            while (attributes.remaining() > 0) {
                int flags = attributes.u8();
                int code = attributes.u8();
                int length = (flags & 0x10) != 0 ? attributes.u16() : attributes.u8();
                check(code > last, seed, "attributes in ascending order");
                last = code;
                attrs.put(code, attributes.bytes(length));
            }
            check(attrs.isEmpty() == nlri.isEmpty(), seed, "attributes iff NLRI");
            for (Prefix p : nlri) peer.put(p, new TreeMap<>(attrs));
        } catch (org.jexabgp.wire.Malformed e) {
            throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
        }
    }

    private static void check(boolean ok, long seed, String what) {
        if (!ok) throw new AssertionError("seed " + seed + ": " + what);
    }

    private static List<Prefix> prefixes(WireReader in) throws org.jexabgp.wire.Malformed {
        List<Prefix> out = new ArrayList<>();
        while (in.remaining() > 0) {
            int length = in.u8();
            byte[] address = new byte[4];
            for (int i = 0; i < (length + 7) / 8; i++) address[i] = (byte) in.u8();
            out.add(new Prefix(IpAddress.of(address), length));
        }
        return out;
    }
}
