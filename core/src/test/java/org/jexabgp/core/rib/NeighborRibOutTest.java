package org.jexabgp.core.rib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jexabgp.core.rib.RibFixtures.randomAttributes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.jexabgp.core.model.AttributeSet;
import org.jexabgp.core.model.Route;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.nlri.Prefix;
import org.jexabgp.wire.nlri.inet.InetNlri;
import org.junit.jupiter.api.Test;

/**
 * Neighbours sharing Adj-RIB-Outs (update groups) must each send exactly what a table of its own would send: the same
 * random changes, for random subsets of neighbours, with per-neighbour variants (a next hop resolved per session), and
 * drains, reconnects and refreshes one neighbour at a time, against one independent {@link AdjRibOut} per neighbour.
 */
class NeighborRibOutTest {
    private static final IpAddress[] NEXT_HOPS = {
        IpAddress.parse("192.0.2.1"), IpAddress.parse("192.0.2.2"), IpAddress.parse("2001:db8::1")
    };
    private static final Family[] FAMILIES = {Family.IPV4_UNICAST, Family.IPV4_MULTICAST, Family.IPV6_UNICAST};
    /** An IPv4 unicast shape for announceV4: its prefix a stand-in, MED 3. */
    private static final Route SHAPE = Route.of(new InetNlri(Family.IPV4_UNICAST, new Prefix(IpAddress.v4(0), 0), 0),
            NEXT_HOPS[0], AttributeSet.of(List.of(RibFixtures.med(3))));
    private static final AttributeSet LARGE =
            AttributeSet.of(List.of(new RibFixtures.Raw(99, 0xC0, new WireWriter().bytes(new byte[200]).toBytes())));

    @Test
    void eachNeighbourSendsWhatATableOfItsOwnSends() {
        String replay = System.getProperty("jexabgp.seed");
        if (replay != null) {
            run(Long.parseLong(replay));
            return;
        }
        for (long seed = 1; seed <= 400; seed++) run(seed);
    }

    private static void run(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        boolean cache = random.nextInt(5) > 0;
        int k = 2 + random.nextInt(5);
        // small limits make tables too large to drain through a copy early: both ways of draining are exercised
        int limit = random.nextBoolean() ? 1 << 16 : random.nextInt(40);
        NeighborRibOut.Starter starter = new NeighborRibOut.Starter(new UpdatePacker(), limit, Long.MAX_VALUE);
        NeighborRibOut[] shared = new NeighborRibOut[k];
        AdjRibOut[] own = new AdjRibOut[k];
        Negotiated[] sessions = new Negotiated[k];
        for (int i = 0; i < k; i++) {
            shared[i] = starter.start(cache);
            own[i] = new AdjRibOut(cache);
            sessions[i] = i > 0 && random.nextInt(4) > 0 ? holdTime(sessions[0], random) : session(random);
        }
        assertThat(shared[0].sharesWith(shared[k - 1])).isTrue();
        List<InetNlri> keys = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(120); i < n; i++) keys.add(randomNlri(random));
        NeighborRibOut.Fanout<Route> fanout = new NeighborRibOut.Fanout<>();

        for (int step = 0, steps = 30 + random.nextInt(400); step < steps; step++) {
            int op = random.nextInt(100);
            int who = random.nextInt(k);
            String what;
            if (op < 45) {
                // a program's command: some neighbours, most with the same route, some with their own next hop
                boolean withdraw = op >= 33;
                InetNlri key = keys.get(random.nextInt(keys.size()));
                // now and then attributes too large for a small message: oversized reports, between UPDATEs
                AttributeSet attributes = random.nextInt(12) == 0 ? LARGE : randomAttributes(random);
                boolean v4 = Family.IPV4_UNICAST.equals(key.family()) && key.pathId() == 0 && random.nextBoolean();
                long[] prefixes = v4 ? prefixes(random, keys, key) : new long[0];
                boolean[] reached = new boolean[k];
                List<Route> values = new ArrayList<>();
                boolean all = random.nextBoolean();
                for (int i = 0; i < k; i++) {
                    if (!all && random.nextInt(4) == 0) continue;
                    IpAddress nh = withdraw ? IpAddress.V4_ZERO : NEXT_HOPS[random.nextInt(16) == 0 ? 1 : 0];
                    Route r = Route.of(v4 ? stand(key) : key, nh, attributes);
                    reached[i] = true;
                    values.add(r);
                    fanout.add(shared[i], r);
                    if (v4 && withdraw) own[i].withdrawV4(r, prefixes, 0, prefixes.length);
                    else if (v4) own[i].announceV4(r, prefixes, 0, prefixes.length);
                    else if (withdraw) own[i].withdraw(r);
                    else own[i].announce(r);
                }
                what = (withdraw ? "withdraw " : "announce ") + key + " to " + Arrays.toString(reached);
                if (v4 && withdraw) fanout.apply((rib, r) -> rib.withdrawV4(r, prefixes, 0, prefixes.length));
                else if (v4) fanout.apply((rib, r) -> rib.announceV4(r, prefixes, 0, prefixes.length));
                else if (withdraw) fanout.apply(AdjRibOut::withdraw);
                else fanout.apply(AdjRibOut::announce);
            } else if (op < 49) {
                Route r = Route.of(keys.get(random.nextInt(keys.size())), NEXT_HOPS[2], randomAttributes(random));
                what = "announce " + r + " to " + who + " alone";
                shared[who].announce(r);
                own[who].announce(r);
            } else if (op < 51) {
                Route r = Route.of(keys.get(random.nextInt(keys.size())), IpAddress.V4_ZERO, randomAttributes(random));
                what = "withdraw " + r + " from " + who + " alone";
                shared[who].withdraw(r);
                own[who].withdraw(r);
            } else if (op < 80) {
                // one step of a drain: cut anywhere, the same messages in the same order once it is complete
                // often every neighbour in turn, as sessions up together drain in one turn
                boolean withdrawals = random.nextInt(4) > 0;
                PackingOptions options = new PackingOptions(random.nextInt(6) > 0);
                long bytes = random.nextBoolean() ? Long.MAX_VALUE : 1 + random.nextInt(3 * 4096);
                boolean each = random.nextBoolean();
                what = "drain " + (each ? "each" : who) + " " + options + " " + withdrawals + " by " + bytes;
                for (int i = each ? 0 : who; i < (each ? k : who + 1); i++) {
                    if (each && random.nextInt(8) == 0) withdrawals = !withdrawals;
                    List<String> a = new ArrayList<>();
                    List<String> b = new ArrayList<>();
                    if (bytes == Long.MAX_VALUE && random.nextBoolean()) {
                        shared[i].drain(sessions[i], options, withdrawals, reports(a));
                        own[i].drain(sessions[i], options, withdrawals, reports(b));
                    } else {
                        shared[i].drain(sessions[i], options, withdrawals, reports(a), bytes);
                        own[i].drain(sessions[i], options, withdrawals, reports(b), bytes);
                    }
                    // each call gives what the table's own would, cut at the same place
                    assertThat(a).as("seed %d step %d: %s; neighbour %d", seed, step, what, i).isEqualTo(b);
                    assertThat(shared[i].packing()).isEqualTo(own[i].packing());
                }
            } else if (op < 90) {
                what = "complete the drain of " + who;
                complete(seed, step, who, shared, own, sessions);
            } else if (op < 95) {
                // the session ends (what it was still to be sent goes with it) and a new one comes up
                what = "reconnect " + who;
                sessions[who] = random.nextInt(3) == 0 ? session(random) : holdTime(sessions[who], random);
                shared[who].newSession();
                own[who].newSession();
            } else if (op < 97) {
                Family f = FAMILIES[random.nextInt(FAMILIES.length)];
                what = "resend " + f + " to " + who;
                complete(seed, step, who, shared, own, sessions);
                shared[who].resend(f);
                own[who].resend(f);
            } else if (op < 98) {
                what = "flush " + who;
                complete(seed, step, who, shared, own, sessions);
                shared[who].resendAll();
                own[who].resendAll();
            } else {
                what = "clear " + who;
                shared[who].withdrawAll();
                own[who].withdrawAll();
            }
            for (int i = 0; i < k; i++)
                assertThat(shared[i].routes()).as("seed %d step %d: %s; neighbour %d", seed, step, what, i)
                        .isEqualTo(own[i].routes());
        }
        for (int i = 0; i < k; i++) {
            complete(seed, -1, i, shared, own, sessions);
            PackingOptions options = new PackingOptions(random.nextBoolean());
            List<String> a = new ArrayList<>();
            List<String> b = new ArrayList<>();
            shared[i].drain(sessions[i], options, true, reports(a));
            own[i].drain(sessions[i], options, true, reports(b));
            assertThat(a).as("seed %d: last drain of %d", seed, i).isEqualTo(b);
        }
    }

    /** Packs what both began: the same messages, nothing frozen, the same pending on either side. */
    private static void complete(
            long seed, int step, int who, NeighborRibOut[] shared, AdjRibOut[] own, Negotiated[] sessions) {
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        shared[who].packFrozen(sessions[who], reports(a));
        own[who].packFrozen(sessions[who], reports(b));
        assertThat(a).as("seed %d step %d: neighbour %d", seed, step, who).isEqualTo(b);
        assertThat(shared[who].packing()).isFalse();
        assertThat(shared[who].hasPending()).as("seed %d step %d", seed, step).isEqualTo(own[who].hasPending());
    }

    /**
     * A program announcing to 200 neighbours: the routes go into one table; the first session up packs them, the
     * others take the same UPDATEs; one table is left for all, drained.
     */
    @Test
    void oneChangeAndOnePackingForNeighboursThatGetTheSame() {
        NeighborRibOut.Starter starter = new NeighborRibOut.Starter(new UpdatePacker());
        List<NeighborRibOut> neighbours = new ArrayList<>();
        for (int i = 0; i < 200; i++) neighbours.add(starter.start(true));
        long[] prefixes = slash24s(0x14000000L, 1000);
        Route shape = SHAPE;
        NeighborRibOut.Fanout<Route> fanout = new NeighborRibOut.Fanout<>();
        List<AdjRibOut> changed = new ArrayList<>();
        for (NeighborRibOut n : neighbours) fanout.add(n, shape);
        fanout.apply((rib, r) -> {
            changed.add(rib);
            rib.announceV4(r, prefixes, 0, prefixes.length);
        });
        assertThat(changed).hasSize(1);
        for (NeighborRibOut n : neighbours) assertThat(n.sharesWith(neighbours.get(0))).isTrue();

        Negotiated session = RibFixtures.session(65000, 65001, Family.IPV4_UNICAST);
        List<byte[]> first = new ArrayList<>();
        neighbours.get(0).newSession();
        neighbours.get(0).drain(session, PackingOptions.DEFAULT, false, collect(first));
        assertThat(first).isNotEmpty();
        // the rest come up later, with sessions that differ in hold time only
        Negotiated later = holdTime(session, new SplittableRandom(1));
        for (NeighborRibOut n : neighbours.subList(1, 200)) {
            List<byte[]> sent = new ArrayList<>();
            n.newSession();
            n.drain(later, PackingOptions.DEFAULT, false, collect(sent), 4096);
            n.packFrozen(later, collect(sent));
            assertThat(hex(sent)).isEqualTo(hex(first));
            assertThat(n.sharesWith(neighbours.get(0))).isTrue();
        }
        for (NeighborRibOut n : neighbours) assertThat(n.hasPending()).isFalse();
    }

    /**
     * A group packed at once whose last item is an oversized report (no UPDATE): a table's partial drain may stop
     * after it, and so does the replay of a shared drain (a review found the replay ran on into the next group).
     */
    @Test
    void aReplayStopsAfterAnOversizedReportAsTheTableWould() {
        AttributeSet large = LARGE;
        AttributeSet small = AttributeSet.of(List.of(RibFixtures.med(1)));
        for (int size = 60; size < 400; size++) {
            Negotiated s = new Negotiated(65000, 65001, true, size, 180, List.of(Family.IPV4_UNICAST), Set.of(),
                    Set.of(), Set.of(), Negotiated.Refresh.NORMAL, false, false, false);
            NeighborRibOut.Starter starter = new NeighborRibOut.Starter(new UpdatePacker());
            NeighborRibOut a = starter.start(true);
            NeighborRibOut b = starter.start(true);
            AdjRibOut own = new AdjRibOut(true);
            NeighborRibOut.Fanout<Route> fanout = new NeighborRibOut.Fanout<>();
            List<Route> first = List.of(pathRoute("10.0.1.0/24", 1, large), pathRoute("10.0.2.0/24", 1, large));
            List<Route> then = List.of(pathRoute("10.0.3.0/24", 1, large), pathRoute("10.0.4.0/24", 0, small),
                    pathRoute("10.0.5.0/24", 0, small));
            for (Route r : first) both(fanout, a, b, own, r, false);
            a.drain(s, PackingOptions.DEFAULT, true, reports(new ArrayList<>()));
            b.drain(s, PackingOptions.DEFAULT, true, reports(new ArrayList<>()));
            own.drain(s, PackingOptions.DEFAULT, true, reports(new ArrayList<>()));
            for (Route r : first) both(fanout, a, b, own, r, true);
            for (Route r : then) both(fanout, a, b, own, r, false);
            for (int call = 0; call < 10; call++) {
                List<String> x = new ArrayList<>();
                List<String> y = new ArrayList<>();
                List<String> z = new ArrayList<>();
                a.drain(s, PackingOptions.DEFAULT, true, reports(x), 30);
                b.drain(s, PackingOptions.DEFAULT, true, reports(y), 30);
                own.drain(s, PackingOptions.DEFAULT, true, reports(z), 30);
                assertThat(x).as("message size %d, call %d", size, call).isEqualTo(z);
                assertThat(y).as("message size %d, call %d", size, call).isEqualTo(z);
            }
        }
    }

    private static Route pathRoute(String prefix, long pathId, AttributeSet attributes) {
        return Route.of(new InetNlri(Family.IPV4_UNICAST, Prefix.parse(prefix), pathId), NEXT_HOPS[0], attributes);
    }

    /** One change for both shared neighbours through a fanout, and for the table of its own. */
    private static void both(NeighborRibOut.Fanout<Route> fanout, NeighborRibOut a, NeighborRibOut b, AdjRibOut own,
            Route r, boolean withdraw) {
        fanout.add(a, r);
        fanout.add(b, r);
        fanout.apply(withdraw ? AdjRibOut::withdraw : AdjRibOut::announce);
        if (withdraw) own.withdraw(r);
        else own.announce(r);
    }

    /**
     * Neighbours coming up together on a table too large to drain once for all (limit 10 slots here) take their copies
     * a turn each once a turn copied its share (40 slots here); the last one holds the table alone and copies nothing.
     * A change for some of them is a copy, counted too.
     */
    @Test
    void copiesOfALargeSharedTableAreSpreadOverTurns() {
        NeighborRibOut.Starter starter = new NeighborRibOut.Starter(new UpdatePacker(), 10, 40);
        List<NeighborRibOut> n = new ArrayList<>();
        for (int i = 0; i < 4; i++) n.add(starter.start(true));
        long[] prefixes = slash24s(0x0A000000L, 50);
        Route shape = SHAPE;
        NeighborRibOut.Fanout<Route> fanout = new NeighborRibOut.Fanout<>();
        for (NeighborRibOut r : n) fanout.add(r, shape);
        fanout.apply((rib, r) -> rib.announceV4(r, prefixes, 0, prefixes.length));
        starter.newTurn();
        assertThat(starter.copiedThisTurn()).isZero();
        // a route for the last one alone: it takes a copy (50 slots), the turn's share is spent
        fanout.add(n.get(3), shape);
        fanout.apply((rib, r) -> rib.withdrawV4(r, prefixes, 0, 1));
        assertThat(starter.copiedThisTurn()).isEqualTo(50);
        assertThat(n.get(3).shared()).isFalse();

        Negotiated session = RibFixtures.session(65000, 65001, Family.IPV4_UNICAST);
        List<List<String>> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) sent.add(new ArrayList<>());
        assertThat(n.get(0).drainDeferred()).isTrue();
        starter.newTurn();
        assertThat(n.get(0).drainDeferred()).isFalse();
        n.get(0).drain(session, PackingOptions.DEFAULT, false, reports(sent.get(0)));
        assertThat(starter.copiedThisTurn()).isEqualTo(50);
        assertThat(n.get(1).drainDeferred()).isTrue();
        starter.newTurn();
        n.get(1).drain(session, PackingOptions.DEFAULT, false, reports(sent.get(1)));
        // the third holds the table alone now: no copy, nothing to wait for
        assertThat(n.get(2).drainDeferred()).isFalse();
        n.get(2).drain(session, PackingOptions.DEFAULT, false, reports(sent.get(2)));
        assertThat(starter.copiedThisTurn()).isEqualTo(50);
        assertThat(sent.get(0)).isNotEmpty().isEqualTo(sent.get(1)).isEqualTo(sent.get(2));
    }

    /**
     * Sessions encode alike when every component of their Negotiated but the hold time is equal: each other component,
     * changed alone, makes them differ (a component added to Negotiated and not compared fails this), and the packing
     * options are one flag.
     */
    @Test
    void everyComponentButTheHoldTimeMakesTheEncoding() throws Exception {
        Negotiated base = new Negotiated(65000, 65001, true, Negotiated.STANDARD_SIZE, 180,
                List.of(Family.IPV4_UNICAST), Set.of(), Set.of(), Set.of(), Negotiated.Refresh.NORMAL, false, false,
                false);
        java.lang.reflect.RecordComponent[] components = Negotiated.class.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) types[i] = components[i].getType();
        java.lang.reflect.Constructor<Negotiated> canonical = Negotiated.class.getDeclaredConstructor(types);
        for (int c = 0; c < components.length; c++) {
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) values[i] = components[i].getAccessor().invoke(base);
            values[c] = changed(values[c]);
            Negotiated other = canonical.newInstance(values);
            boolean holdTime = components[c].getName().equals("holdTimeSeconds");
            assertThat(NeighborRibOut.sameEncoding(base, other)).as(components[c].getName()).isEqualTo(holdTime);
        }
        assertThat(PackingOptions.class.getRecordComponents()).extracting(java.lang.reflect.RecordComponent::getName)
                .containsExactly("groupUpdates");
    }

    private static Object changed(Object value) {
        return switch (value) {
            case Long l -> l + 1;
            case Integer i -> i + 1;
            case Boolean b -> !b;
            case Negotiated.Refresh r -> r == Negotiated.Refresh.NORMAL ? Negotiated.Refresh.ENHANCED
                    : Negotiated.Refresh.NORMAL;
            case List<?> l -> List.of(Family.IPV6_UNICAST);
            case Set<?> s when s.isEmpty() -> Set.of(Family.IPV4_UNICAST);
            default -> throw new AssertionError("a component of a type this test does not change: " + value);
        };
    }

    /** A session that encodes otherwise (no ASN4 here) gets UPDATEs of its own, and its own table. */
    @Test
    void aSessionThatEncodesOtherwisePacksItsOwn() {
        NeighborRibOut.Starter starter = new NeighborRibOut.Starter(new UpdatePacker());
        NeighborRibOut a = starter.start(true);
        NeighborRibOut b = starter.start(true);
        AdjRibOut alone = new AdjRibOut(true);
        Route r = RibFixtures.route(RibFixtures.v4("10.0.0.0/24"), "192.0.2.1", RibFixtures.med(1));
        NeighborRibOut.Fanout<Route> fanout = new NeighborRibOut.Fanout<>();
        fanout.add(a, r);
        fanout.add(b, r);
        fanout.apply(AdjRibOut::announce);
        alone.announce(r);
        Negotiated asn4 = RibFixtures.session(65000, 65001, Family.IPV4_UNICAST);
        Negotiated asn2 = asn4.withAsn4(false);
        a.drain(asn4, PackingOptions.DEFAULT, true, (m, l) -> {});
        List<byte[]> sent = new ArrayList<>();
        b.drain(asn2, PackingOptions.DEFAULT, true, collect(sent));
        assertThat(hex(sent)).isEqualTo(hex(alone.drain(asn2, PackingOptions.DEFAULT, true)));
        assertThat(a.sharesWith(b)).isFalse();
    }

    /** Neighbours started once a started one was changed get an empty table, not that one. */
    @Test
    void aLaterNeighbourStartsEmpty() {
        NeighborRibOut.Starter starter = new NeighborRibOut.Starter(new UpdatePacker());
        NeighborRibOut a = starter.start(true);
        NeighborRibOut b = starter.start(true);
        NeighborRibOut.Fanout<Route> fanout = new NeighborRibOut.Fanout<>();
        fanout.add(a, RibFixtures.route(RibFixtures.v4("10.0.0.0/24"), "192.0.2.1"));
        fanout.add(b, RibFixtures.route(RibFixtures.v4("10.0.0.0/24"), "192.0.2.1"));
        fanout.apply(AdjRibOut::announce);
        NeighborRibOut c = starter.start(true);
        assertThat(c.routes()).isEmpty();
        assertThat(c.hasPending()).isFalse();
        assertThat(a.routes()).hasSize(1);
        assertThat(c.sharesWith(a)).isFalse();
        assertThat(starter.start(true).sharesWith(c)).isTrue();
        assertThat(starter.start(false).sharesWith(c)).isFalse();
    }

    private static Negotiated session(SplittableRandom random) {
        boolean ibgp = random.nextBoolean();
        int size = random.nextInt(3) > 0 ? Negotiated.STANDARD_SIZE : 200 + random.nextInt(300);
        return new Negotiated(65000, ibgp ? 65000 : 65001, random.nextInt(4) > 0, size, 180, List.of(FAMILIES),
                random.nextInt(5) == 0 ? Set.of(Family.IPV4_UNICAST) : Set.of(), Set.of(), Set.of(),
                Negotiated.Refresh.NORMAL, false, false, false);
    }

    /** The same session but for its hold time, which no encoder reads. */
    private static Negotiated holdTime(Negotiated n, SplittableRandom random) {
        return new Negotiated(n.localAs(), n.peerAs(), n.asn4(), n.messageSize(), 3 + random.nextInt(200),
                n.families(), n.addPathSend(), n.addPathReceive(), n.extendedNextHop(), n.refresh(), n.multisession(),
                n.operational(), n.aigp());
    }

    private static UpdateSink collect(List<byte[]> into) {
        return (m, l) -> into.add(Arrays.copyOf(m, l));
    }

    /** UPDATEs as hex and oversized reports, in order. */
    private static UpdateSink reports(List<String> into) {
        return new UpdateSink() {
            @Override
            public void update(byte[] message, int length) {
                into.add(HexFormat.of().formatHex(message, 0, length));
            }

            @Override
            public void oversized(Family family, int attributeBytes) {
                into.add("oversized " + family + " " + attributeBytes);
            }
        };
    }

    /** A shape for announceV4: the key's family, prefix a stand-in. */
    private static InetNlri stand(InetNlri key) {
        return new InetNlri(key.family(), new Prefix(IpAddress.v4(0), 0), 0);
    }

    /** The key's prefix and up to two more of the IPv4 unicast keys without path id, as announceV4 takes them. */
    private static long[] prefixes(SplittableRandom random, List<InetNlri> keys, InetNlri key) {
        List<Long> out = new ArrayList<>(List.of(v4(key.prefix())));
        for (int i = 0, more = random.nextInt(3); i < more; i++) {
            InetNlri n = keys.get(random.nextInt(keys.size()));
            if (n.pathId() == 0 && n.family().equals(Family.IPV4_UNICAST)) out.add(v4(n.prefix()));
        }
        long[] values = new long[out.size()];
        for (int i = 0; i < values.length; i++) values[i] = out.get(i);
        return values;
    }

    /** {@code n} consecutive /24s from {@code first}, as announceV4 takes them. */
    private static long[] slash24s(long first, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) out[i] = (first + ((long) i << 8)) << 8 | 24;
        return out;
    }

    private static long v4(Prefix p) {
        return p.address().v4Value() << 8 | p.length();
    }

    private static InetNlri randomNlri(SplittableRandom random) {
        Family family = FAMILIES[random.nextInt(6) < 4 ? 0 : random.nextInt(FAMILIES.length)];
        long pathId = random.nextInt(6) == 0 ? 1 + random.nextInt(3) : 0;
        if (family.equals(Family.IPV6_UNICAST)) {
            byte[] a = new byte[16];
            a[0] = 0x20;
            a[1] = 0x01;
            a[5] = (byte) random.nextInt(256);
            return new InetNlri(family, new Prefix(IpAddress.of(a), 48), pathId);
        }
        long address = (10L << 24 | (long) random.nextInt(256) << 8) & 0xFFFFFF00L;
        return new InetNlri(family, new Prefix(IpAddress.v4(address), 24), pathId);
    }

    private static List<String> hex(List<byte[]> messages) {
        return messages.stream().map(m -> HexFormat.of().formatHex(m)).toList();
    }
}
