package org.jexabgp.core.rib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jexabgp.core.rib.RibFixtures.randomAttributes;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.jexabgp.core.model.AttributeSet;
import org.jexabgp.core.model.Route;
import org.jexabgp.core.model.RouteList;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.attribute.Attribute;
import org.jexabgp.wire.nlri.Nlri;
import org.jexabgp.wire.nlri.Prefix;
import org.jexabgp.wire.nlri.inet.InetNlri;
import org.junit.jupiter.api.Test;

/**
 * The primitive Adj-RIB-Out must behave exactly as the map-of-records one it replaced ({@link ReferenceAdjRibOut}):
 * random churn over IPv4 unicast and multicast (the primitive path), IPv6 and add-path routes (the map path), IPv6 next
 * hops on IPv4, several buckets, cache on and off, reconnects, refreshes, {@code clear adj-rib out} and tables grown
 * ahead by {@link AdjRibOut#reserve}; after every
 * step both give the same pending state, and every drain the same bytes. Replay one seed with
 * {@code -Djexabgp.seed=N}.
 */
class AdjRibOutDifferentialTest {
    private static final IpAddress[] NEXT_HOPS = {
        IpAddress.parse("192.0.2.1"), IpAddress.parse("192.0.2.2"), IpAddress.parse("2001:db8::1")
    };
    private static final Family[] FAMILIES = {
        Family.IPV4_UNICAST, Family.IPV4_UNICAST, Family.IPV4_UNICAST, Family.IPV4_MULTICAST, Family.IPV6_UNICAST
    };

    @Test
    void behavesAsTheReference() {
        String replay = System.getProperty("jexabgp.seed");
        if (replay != null) {
            run(Long.parseLong(replay));
            return;
        }
        for (long seed = 1; seed <= 300; seed++) run(seed);
    }

    private static void run(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        boolean cache = random.nextInt(5) > 0;
        boolean addPath = random.nextInt(4) == 0;
        boolean ibgp = random.nextBoolean();
        int size = random.nextBoolean() ? Negotiated.STANDARD_SIZE : 120 + random.nextInt(300);
        Negotiated session = new Negotiated(
                65000, ibgp ? 65000 : 65001, true, size, 180,
                List.of(Family.IPV4_UNICAST, Family.IPV4_MULTICAST, Family.IPV6_UNICAST),
                addPath ? Set.of(Family.IPV4_UNICAST) : Set.of(), Set.of(), Set.of(), Negotiated.Refresh.NORMAL,
                false, false, false);
        List<Nlri> keys = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(200); i < n; i++) keys.add(randomNlri(random));

        AdjRibOut rib = new AdjRibOut(cache);
        ReferenceAdjRibOut reference = new ReferenceAdjRibOut(cache);
        // reserve() (configured routes) must change nothing but the tables' sizes; its own generator keeps the seeds'
        // scenarios as they were
        SplittableRandom sizes = new SplittableRandom(~seed);
        // a copy (what a neighbour leaving an update group takes) must carry on exactly as its original would
        SplittableRandom copies = new SplittableRandom(seed * 31);
        for (int step = 0, steps = 50 + random.nextInt(1500); step < steps; step++) {
            if (sizes.nextInt(40) == 0) rib.reserve(sizes.nextInt(300));
            if (copies.nextInt(25) == 0) rib = rib.copy();
            int op = random.nextInt(100);
            String what;
            if (op < 60) {
                Route r = Route.of(
                        keys.get(random.nextInt(keys.size())),
                        NEXT_HOPS[random.nextInt(NEXT_HOPS.length)],
                        randomAttributes(random));
                what = "announce " + r;
                if (!batch(random, keys, r, rib, reference, false)) {
                    rib.announce(r);
                    reference.announce(r);
                }
            } else if (op < 85) {
                Route r = Route.of(keys.get(random.nextInt(keys.size())), IpAddress.V4_ZERO, randomAttributes(random));
                what = "withdraw " + r;
                if (!batch(random, keys, r, rib, reference, true)) {
                    rib.withdraw(r);
                    reference.withdraw(r);
                }
            } else if (op < 95) {
                boolean withdrawals = random.nextInt(4) > 0;
                PackingOptions options = new PackingOptions(random.nextBoolean());
                // half the drains are made of partial drains of a random size: the same bytes, cut anywhere
                long part = sizes.nextBoolean() ? 0 : 1 + sizes.nextInt(3 * size);
                what = "drain " + options + " " + withdrawals + (part > 0 ? " by " + part + " bytes" : "");
                assertThat(hex(part > 0 ? drainInParts(rib, session, options, withdrawals, part)
                                : rib.drain(session, options, withdrawals)))
                        .as("seed %d step %d: %s", seed, step, what)
                        .isEqualTo(hex(reference.drain(session, options, withdrawals)));
            } else if (op < 97) {
                what = "reconnect";
                rib.newSession();
                reference.discardPending();
                reference.resendAll();
            } else if (op < 98) {
                Family f = FAMILIES[random.nextInt(FAMILIES.length)];
                what = "resend " + f;
                rib.resend(f);
                reference.resend(f);
            } else if (op < 99) {
                what = "withdraw all";
                rib.withdrawAll();
                reference.withdrawAll();
            } else {
                what = "routes of a family";
                Family f = FAMILIES[random.nextInt(FAMILIES.length)];
                assertThat(rib.routes(f)).as("seed %d step %d", seed, step).isEqualTo(reference.routes(f));
            }
            assertThat(rib.hasPending())
                    .as("seed %d step %d: %s", seed, step, what)
                    .isEqualTo(reference.hasPending());
            assertThat(rib.routes()).as("seed %d step %d: %s", seed, step, what).isEqualTo(reference.routes());
        }
        PackingOptions options = new PackingOptions(random.nextBoolean());
        assertThat(hex(rib.drain(session, options, true)))
                .as("seed %d: last drain", seed)
                .isEqualTo(hex(reference.drain(session, options, true)));
    }

    /** Partial drains of at least {@code bytes} each (when there is that much) until nothing frozen is left. */
    static List<byte[]> drainInParts(
            AdjRibOut rib, Negotiated session, PackingOptions options, boolean withdrawals, long bytes) {
        List<byte[]> out = new ArrayList<>();
        do {
            rib.drain(session, options, withdrawals, (m, l) -> out.add(java.util.Arrays.copyOf(m, l)), bytes);
        } while (rib.packing());
        return out;
    }

    /**
     * Changes made between partial drains go out after what was frozen, as if the drain had been whole: a withdrawal
     * of a route still to be packed is sent after its announcement, new routes after the rest, and the first pass's
     * "no withdrawals" holds only for what it froze.
     */
    @Test
    void changesBetweenPartialDrainsComeAfterWhatWasFrozen() {
        for (long seed = 1; seed <= 200; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int size = random.nextBoolean() ? Negotiated.STANDARD_SIZE : 120 + random.nextInt(300);
            Negotiated session = new Negotiated(65000, 65001, true, size, 180,
                    List.of(Family.IPV4_UNICAST, Family.IPV4_MULTICAST, Family.IPV6_UNICAST), Set.of(), Set.of(),
                    Set.of(), Negotiated.Refresh.NORMAL, false, false, false);
            // mostly plain IPv4 prefixes and few attribute sets: large groups, cut inside by the partial drains
            List<Nlri> keys = new ArrayList<>();
            for (int i = 0, n = 50 + random.nextInt(3000); i < n; i++)
                keys.add(random.nextInt(20) == 0 ? randomNlri(random) : new InetNlri(Family.IPV4_UNICAST,
                        new Prefix(IpAddress.v4(random.nextLong(1L << 24) << 8), 24), 0));
            List<AttributeSet> few = List.of(randomAttributes(random), randomAttributes(random));
            AdjRibOut rib = new AdjRibOut(true);
            ReferenceAdjRibOut reference = new ReferenceAdjRibOut(true);
            for (Nlri k : keys) {
                Route r = Route.of(k, NEXT_HOPS[random.nextInt(2)], few.get(random.nextInt(2)));
                if (!batch(random, keys, r, rib, reference, false)) {
                    rib.announce(r);
                    reference.announce(r);
                }
            }
            PackingOptions options = new PackingOptions(random.nextBoolean());
            boolean firstPass = random.nextBoolean();
            List<byte[]> sent = new ArrayList<>();
            rib.drain(session, options, !firstPass, (m, l) -> sent.add(java.util.Arrays.copyOf(m, l)),
                    1 + random.nextInt(2 * size));
            List<byte[]> expected = new ArrayList<>(reference.drain(session, options, !firstPass));
            for (int i = 0, n = 1 + random.nextInt(20); i < n; i++) {
                Nlri k = keys.get(random.nextInt(keys.size()));
                if (random.nextBoolean()) {
                    Route r = Route.of(k, NEXT_HOPS[random.nextInt(3)], randomAttributes(random));
                    rib.announce(r);
                    reference.announce(r);
                } else {
                    Route r = Route.of(k, IpAddress.V4_ZERO, randomAttributes(random));
                    rib.withdraw(r);
                    reference.withdraw(r);
                }
            }
            assertThat(rib.hasPending()).isTrue();
            sent.addAll(drainInParts(rib, session, options, true, 1 + random.nextInt(2 * size)));
            sent.addAll(drainInParts(rib, session, options, true, 1 + random.nextInt(2 * size)));
            expected.addAll(reference.drain(session, options, true));
            assertThat(hex(sent)).as("seed %d", seed).isEqualTo(hex(expected));
            assertThat(rib.hasPending()).isFalse();
            assertThat(rib.routes()).as("seed %d", seed).isEqualTo(reference.routes());
        }
    }

    /** A reconnect in the middle of a partial drain forgets the rest: the new session gets the whole cache. */
    @Test
    void aReconnectDropsWhatAPartialDrainLeft() {
        Negotiated session = new Negotiated(65000, 65001, true, Negotiated.STANDARD_SIZE, 180,
                List.of(Family.IPV4_UNICAST), Set.of(), Set.of(), Set.of(), Negotiated.Refresh.NORMAL, false, false,
                false);
        AdjRibOut rib = new AdjRibOut(true);
        ReferenceAdjRibOut reference = new ReferenceAdjRibOut(true);
        AttributeSet attributes = randomAttributes(new SplittableRandom(7));
        for (int i = 0; i < 5000; i++) {
            Route r = Route.of(new InetNlri(Family.IPV4_UNICAST, new Prefix(IpAddress.v4(0x0A000000L + (i << 8)), 24),
                    0), NEXT_HOPS[0], attributes);
            rib.announce(r);
            reference.announce(r);
        }
        List<byte[]> first = new ArrayList<>();
        rib.drain(session, PackingOptions.DEFAULT, false, (m, l) -> first.add(java.util.Arrays.copyOf(m, l)), 4096);
        assertThat(rib.packing()).isTrue();
        rib.newSession();
        assertThat(rib.packing()).isFalse();
        reference.discardPending();
        reference.resendAll();
        assertThat(hex(rib.drain(session, PackingOptions.DEFAULT, false)))
                .isEqualTo(hex(reference.drain(session, PackingOptions.DEFAULT, false)));
    }

    /**
     * A session coming up after routes were loaded (the configuration's, a program's before the session) sends what
     * forgetting the journal and re-queueing the cache sends, whether or not {@link AdjRibOut#newSession()} keeps the
     * journal: loads of new keys only (kept), with a key announced again, identically or not, a withdrawal, or a second
     * family (rebuilt).
     */
    @Test
    void aSessionAfterALoadSendsWhatAReconnectSends() {
        for (long seed = 1; seed <= 400; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            Negotiated session = new Negotiated(65000, 65001, true, Negotiated.STANDARD_SIZE, 180,
                    List.of(Family.IPV4_UNICAST, Family.IPV4_MULTICAST, Family.IPV6_UNICAST), Set.of(), Set.of(),
                    Set.of(), Negotiated.Refresh.NORMAL, false, false, false);
            boolean oneFamily = random.nextBoolean();
            List<Nlri> keys = new ArrayList<>();
            while (keys.size() < 1 + random.nextInt(300)) {
                Nlri k = randomNlri(random);
                if (!oneFamily || k.family().equals(Family.IPV4_UNICAST)) keys.add(k);
            }
            AdjRibOut rib = new AdjRibOut(true);
            ReferenceAdjRibOut reference = new ReferenceAdjRibOut(true);
            int twists = random.nextInt(3); // 0: new keys only
            for (int i = 0; i < keys.size(); i++) {
                Route r = Route.of(keys.get(i), NEXT_HOPS[random.nextInt(2)], randomAttributes(random));
                if (!batch(random, keys, r, rib, reference, false)) {
                    rib.announce(r);
                    reference.announce(r);
                }
                if (random.nextInt(20) == 0) { // the same route again: dropped, the journal unchanged
                    rib.announce(r);
                    reference.announce(r);
                }
                if (twists > 0 && random.nextInt(keys.size()) == 0) {
                    Route other = Route.of(keys.get(random.nextInt(i + 1)), NEXT_HOPS[2], randomAttributes(random));
                    if (twists == 1) {
                        rib.announce(other);
                        reference.announce(other);
                    } else {
                        rib.withdraw(other);
                        reference.withdraw(other);
                    }
                }
            }
            rib.newSession();
            reference.discardPending();
            reference.resendAll();
            PackingOptions options = new PackingOptions(random.nextBoolean());
            assertThat(hex(rib.drain(session, options, false)))
                    .as("seed %d", seed)
                    .isEqualTo(hex(reference.drain(session, options, false)));
            assertThat(rib.routes()).as("seed %d", seed).isEqualTo(reference.routes());
        }
    }

    /**
     * Tables of several {@linkplain Pages pages} (their first page doubled, then pages added; or reserved at once):
     * announcements in bulk, withdrawals and changed attributes across the pages' edges drain the same bytes as the
     * reference, and the cache lists the same routes.
     */
    @Test
    void tablesOfSeveralPagesDrainAsTheReference() {
        for (boolean reserved : new boolean[] {false, true}) {
            int n = 2 * Pages.SIZE + 777;
            AdjRibOut rib = new AdjRibOut();
            ReferenceAdjRibOut reference = new ReferenceAdjRibOut();
            if (reserved) rib.reserve(n);
            Route first = shape(RibFixtures.med(5));
            Route second = shape(RibFixtures.med(7));
            long[] prefixes = new long[n];
            for (int i = 0; i < n; i++) prefixes[i] = (0x0A00_0000L + i) << 8 | 32;
            for (int from = 0; from < n; from += 500) rib.announceV4(first, prefixes, from, Math.min(n, from + 500));
            for (long p : prefixes) reference.announce(RouteList.withPrefix(first, p));
            Negotiated session = RibFixtures.session(65000, 65001, Family.IPV4_UNICAST);
            assertThat(hexOf(rib.drain(session, PackingOptions.DEFAULT, true)))
                    .isEqualTo(hexOf(reference.drain(session, PackingOptions.DEFAULT, true)));
            // then changes around the pages' edges and all over
            for (int i = 0; i < n; i++) {
                int fromEdge = Math.min(i & Pages.MASK, Pages.SIZE - (i & Pages.MASK));
                if (fromEdge > 2 && i % 97 != 0) continue;
                Route each = RouteList.withPrefix(i % 2 == 0 ? second : first, prefixes[i]);
                if (i % 3 == 0) {
                    rib.withdrawV4(first, prefixes, i, i + 1);
                    reference.withdraw(each);
                } else {
                    rib.announceV4(second, prefixes, i, i + 1);
                    reference.announce(RouteList.withPrefix(second, prefixes[i]));
                }
            }
            assertThat(hexOf(rib.drain(session, PackingOptions.DEFAULT, true)))
                    .as("reserved %s", reserved)
                    .isEqualTo(hexOf(reference.drain(session, PackingOptions.DEFAULT, true)));
            assertThat(rib.routes()).isEqualTo(reference.routes());
        }
    }

    /** An IPv4 unicast route shape: its prefix a stand-in, the attributes those given. */
    private static Route shape(Attribute attribute) {
        Route r = RibFixtures.route(RibFixtures.v4("10.0.0.0/32"), "192.0.2.1", attribute);
        return new Route(new InetNlri(Family.IPV4_UNICAST, new Prefix(IpAddress.v4(0), 0), 0), r.nextHop(),
                r.nextHopSelf(), r.attributes(), r.watchdog(), r.withdrawn(), r.name());
    }

    private static List<String> hexOf(List<byte[]> messages) {
        List<String> out = new ArrayList<>(messages.size());
        for (byte[] m : messages) out.add(HexFormat.of().formatHex(m));
        return out;
    }

    /**
     * Half the time when {@code r} has a primitive shape: {@link AdjRibOut#announceV4} / {@link AdjRibOut#withdrawV4}
     * of r's prefix and up to two more keys of its family, against the reference's route-by-route changes.
     */
    private static boolean batch(
            SplittableRandom random, List<Nlri> keys, Route r, AdjRibOut rib, ReferenceAdjRibOut reference,
            boolean withdraw) {
        if (!AdjRibOut.fastShape(r) || random.nextBoolean()) return false;
        Family family = r.family();
        List<Long> prefixes = new ArrayList<>(List.of(v4(((InetNlri) r.nlri()).prefix())));
        for (int i = 0, more = random.nextInt(3); i < more; i++) {
            Nlri k = keys.get(random.nextInt(keys.size()));
            if (k instanceof InetNlri n && n.pathId() == 0 && n.family().equals(family)) prefixes.add(v4(n.prefix()));
        }
        long[] values = new long[prefixes.size() + 2];
        for (int i = 0; i < prefixes.size(); i++) values[i + 1] = prefixes.get(i);
        // the shape's own prefix is a stand-in: only the family and the rest count
        Route shape = new Route(new InetNlri(family, new Prefix(IpAddress.v4(0), 0), 0), r.nextHop(), r.nextHopSelf(),
                r.attributes(), r.watchdog(), r.withdrawn(), r.name());
        if (withdraw) rib.withdrawV4(shape, values, 1, prefixes.size() + 1);
        else rib.announceV4(shape, values, 1, prefixes.size() + 1);
        for (long v : prefixes) {
            Route each = RouteList.withPrefix(shape, v);
            if (withdraw) reference.withdraw(each);
            else reference.announce(each);
        }
        return true;
    }

    private static long v4(Prefix p) {
        return p.address().v4Value() << 8 | p.length();
    }

    /** Mostly IPv4 unicast from a small space (so keys repeat), some multicast, IPv6 and add-path ids. */
    private static Nlri randomNlri(SplittableRandom random) {
        Family family = FAMILIES[random.nextInt(FAMILIES.length)];
        long pathId = random.nextInt(6) == 0 ? 1 + random.nextInt(3) : 0;
        if (family.equals(Family.IPV6_UNICAST)) {
            byte[] a = new byte[16];
            a[0] = 0x20;
            a[1] = 0x01;
            a[5] = (byte) random.nextInt(256);
            return new InetNlri(family, new Prefix(IpAddress.of(a), 48), pathId);
        }
        int length = random.nextInt(4) == 0 ? random.nextInt(33) : 24;
        long address = random.nextLong(1L << 32) & (length == 0 ? 0 : 0xFFFFFFFFL << (32 - length)) & 0xFFFFFFFFL;
        if (random.nextBoolean()) address = (10L << 24 | (long) random.nextInt(64) << 8) & (0xFFFFFFFFL << 8);
        if (length < 24) address &= length == 0 ? 0 : 0xFFFFFFFFL << (32 - length) & 0xFFFFFFFFL;
        return new InetNlri(family, new Prefix(IpAddress.v4(address), length), pathId);
    }


    private static List<String> hex(List<byte[]> messages) {
        return messages.stream().map(m -> HexFormat.of().formatHex(m)).toList();
    }
}
