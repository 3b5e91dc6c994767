package org.jexabgp.core.rib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jexabgp.core.rib.RibFixtures.randomAttributes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.jexabgp.core.model.Route;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.nlri.Prefix;
import org.jexabgp.wire.nlri.inet.InetNlri;
import org.junit.jupiter.api.Test;

/**
 * One packer for several Adj-RIB-Outs (the reactor's: every neighbour's table is drained on the loop thread): each
 * table gives exactly the bytes it gives with a packer of its own, whatever the other tables packed in between — other
 * sessions (iBGP and eBGP, with and without four-octet ASNs, small message sizes), other routes, drains cut anywhere.
 */
class SharedPackerTest {
    private static final IpAddress[] NEXT_HOPS = {
        IpAddress.parse("192.0.2.1"), IpAddress.parse("192.0.2.2"), IpAddress.parse("2001:db8::1")
    };
    private static final Family[] FAMILIES = {Family.IPV4_UNICAST, Family.IPV4_UNICAST, Family.IPV6_UNICAST};

    @Test
    void eachTablePacksAsWithItsOwnPacker() {
        for (long seed = 1; seed <= 150; seed++) run(seed);
    }

    private static void run(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int tables = 2 + random.nextInt(3);
        UpdatePacker shared = new UpdatePacker();
        List<AdjRibOut> sharing = new ArrayList<>();
        List<AdjRibOut> alone = new ArrayList<>();
        List<Negotiated> sessions = new ArrayList<>();
        for (int t = 0; t < tables; t++) {
            boolean cache = random.nextInt(4) > 0;
            sharing.add(new AdjRibOut(cache, shared));
            alone.add(new AdjRibOut(cache));
            boolean ibgp = random.nextBoolean();
            int size = random.nextBoolean() ? Negotiated.STANDARD_SIZE : 100 + random.nextInt(300);
            long local = random.nextBoolean() ? 65000 : 4_200_000_000L;
            sessions.add(new Negotiated(local, ibgp ? local : 65001, random.nextBoolean(), size, 180,
                    List.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST), Set.of(), Set.of(), Set.of(),
                    Negotiated.Refresh.NORMAL, false, false, false));
        }
        for (int step = 0, steps = 100 + random.nextInt(400); step < steps; step++) {
            int t = random.nextInt(tables);
            int op = random.nextInt(10);
            if (op < 6) {
                Route r = route(random);
                boolean withdraw = op == 5;
                apply(sharing.get(t), r, withdraw);
                apply(alone.get(t), r, withdraw);
            } else if (op < 8) {
                // a bulk line's prefixes, as route commands and configured routes give them
                Route shape = new Route(new InetNlri(Family.IPV4_UNICAST, new Prefix(IpAddress.v4(0), 0), 0),
                        NEXT_HOPS[random.nextInt(2)], false, randomAttributes(random), null, false, null);
                long[] prefixes = new long[1 + random.nextInt(60)];
                for (int i = 0; i < prefixes.length; i++)
                    prefixes[i] = (20L << 24 | random.nextInt(1 << 12) << 8) << 8 | 24;
                sharing.get(t).announceV4(shape, prefixes, 0, prefixes.length);
                alone.get(t).announceV4(shape, prefixes, 0, prefixes.length);
            } else {
                // drains of any size, several tables in a row, so that the shared packer goes from one to the next
                for (int d = 0, n = 1 + random.nextInt(tables); d < n; d++) {
                    int u = random.nextInt(tables);
                    long bytes = random.nextBoolean() ? Long.MAX_VALUE : 1 + random.nextInt(2000);
                    boolean withdrawals = random.nextInt(5) > 0;
                    assertThat(drain(sharing.get(u), sessions.get(u), withdrawals, bytes))
                            .as("seed %d step %d table %d", seed, step, u)
                            .isEqualTo(drain(alone.get(u), sessions.get(u), withdrawals, bytes));
                }
            }
        }
        for (int t = 0; t < tables; t++)
            assertThat(drain(sharing.get(t), sessions.get(t), true, Long.MAX_VALUE))
                    .as("seed %d, the rest of table %d", seed, t)
                    .isEqualTo(drain(alone.get(t), sessions.get(t), true, Long.MAX_VALUE));
    }

    private static void apply(AdjRibOut rib, Route r, boolean withdraw) {
        if (withdraw) rib.withdraw(r);
        else rib.announce(r);
    }

    private static List<String> drain(AdjRibOut rib, Negotiated session, boolean withdrawals, long bytes) {
        List<String> out = new ArrayList<>();
        UpdateSink sink = (m, l) -> out.add(HexFormat.of().formatHex(Arrays.copyOf(m, l)));
        if (bytes == Long.MAX_VALUE) rib.drain(session, PackingOptions.DEFAULT, withdrawals, sink);
        else rib.drain(session, PackingOptions.DEFAULT, withdrawals, sink, bytes);
        return out;
    }

    private static Route route(SplittableRandom random) {
        Family family = FAMILIES[random.nextInt(FAMILIES.length)];
        InetNlri nlri;
        if (family.equals(Family.IPV6_UNICAST)) {
            byte[] a = new byte[16];
            a[0] = 0x20;
            a[1] = 0x01;
            a[5] = (byte) random.nextInt(64);
            nlri = new InetNlri(family, new Prefix(IpAddress.of(a), 48), 0);
        } else {
            nlri = new InetNlri(family, new Prefix(IpAddress.v4(10L << 24 | (long) random.nextInt(256) << 8), 24), 0);
        }
        IpAddress nextHop = family.equals(Family.IPV6_UNICAST) ? NEXT_HOPS[2] : NEXT_HOPS[random.nextInt(2)];
        return Route.of(nlri, nextHop, randomAttributes(random));
    }

}
