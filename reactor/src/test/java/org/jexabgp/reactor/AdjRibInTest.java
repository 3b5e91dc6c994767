package org.jexabgp.reactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.attribute.Attribute;
import org.jexabgp.wire.attribute.Med;
import org.jexabgp.wire.attribute.NextHop;
import org.jexabgp.wire.attribute.Origin;
import org.jexabgp.wire.message.RouteUpdate;
import org.jexabgp.wire.message.Update;
import org.jexabgp.wire.nlri.Nlri;
import org.jexabgp.wire.nlri.Prefix;
import org.jexabgp.wire.nlri.inet.InetNlri;
import org.junit.jupiter.api.Test;

/**
 * The Adj-RIB-In against a model of its rule (runtime.md §9): the last announcement of a key wins and moves to the end,
 * a withdrawal removes it; {@code show adj-rib in} lists routes in that order with their next hop and attributes.
 */
class AdjRibInTest {
    @Test
    void randomUpdatesLeaveWhatTheModelSays() {
        // the log of IPv4 changes as large as it is (put in the tables when read), or so small that it is put there
        // between reads too
        for (int logMax : new int[] {AdjRibIn.LOG_MAX, 1, 7, 64}) randomUpdates(new AdjRibIn(logMax));
    }

    private static void randomUpdates(AdjRibIn rib) {
        Random random = new Random(5);
        Map<String, String> model = new LinkedHashMap<>(); // prefix -> "next hop|med"
        for (int u = 0; u < 3_000; u++) {
            List<Nlri> withdrawn = new ArrayList<>();
            List<Nlri> announced = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) withdrawn.add(prefix(random));
            for (int i = random.nextInt(6); i > 0; i--) announced.add(prefix(random));
            String hop = "192.0.2." + random.nextInt(3);
            int med = random.nextInt(3);
            List<Attribute> attributes = List.of(
                    new Origin(Origin.IGP), new NextHop(IpAddress.parse(hop)), new Med(med));
            rib.record(RouteUpdate.of(new Update(withdrawn, announced.isEmpty() ? List.of() : attributes, announced)));
            for (Nlri n : withdrawn) model.remove(n.toString());
            for (Nlri n : announced) {
                model.remove(n.toString());
                model.put(n.toString(), hop + "|" + med);
            }
            if (random.nextInt(500) == 0) {
                rib.clear();
                model.clear();
            }
            if (u % 100 == 0 || u == 2_999) {
                List<String> seen = new ArrayList<>();
                for (RibEntry e : rib.routes()) {
                    Med m = (Med) e.attributes().stream().filter(a -> a instanceof Med).findFirst().orElseThrow();
                    seen.add(e.nlri() + "=" + e.nextHop() + "|" + m.value());
                }
                List<String> expected = new ArrayList<>();
                model.forEach((k, v) -> expected.add(k + "=" + v));
                assertThat(seen).isEqualTo(expected);
                assertThat(rib.size()).isEqualTo(model.size());
                // every group but the last one made is used by a kept route
                assertThat(rib.groupsInUse()).isLessThanOrEqualTo(model.size() + 1);
            }
        }
    }

    /**
     * A peer announcing one route again and again with other attributes each time, and nobody asking: the groups the
     * log holds stay bounded (each logged announcement holds its attributes until the log is put in the tables).
     */
    @Test
    void attributesChangingAtEveryUpdatePinABoundedNumberOfGroups() {
        AdjRibIn rib = new AdjRibIn();
        for (int u = 0; u < 3 * AdjRibIn.LOG_GROUPS; u++) {
            List<Attribute> attributes =
                    List.of(new Origin(Origin.IGP), new NextHop(IpAddress.parse("192.0.2.1")), new Med(u));
            rib.record(RouteUpdate.of(
                    new Update(List.of(), attributes, List.of(InetNlri.of(Family.IPV4_UNICAST, "10.0.0.0/24")))));
            assertThat(rib.groupsAllocated()).isLessThanOrEqualTo(AdjRibIn.LOG_GROUPS + 2);
        }
        assertThat(rib.size()).isEqualTo(1);
        Med last = (Med) rib.routes().getFirst().attributes().stream().filter(a -> a instanceof Med).findFirst()
                .orElseThrow();
        assertThat(last.value()).isEqualTo(3 * AdjRibIn.LOG_GROUPS - 1);
        assertThat(rib.groupsInUse()).isLessThanOrEqualTo(2);
    }

    /**
     * A log of several pages (2^17 entries each): a peer's table of 300,000 routes in UPDATEs of two attribute sets,
     * with withdrawals logged past the pages' edges of routes in earlier pages, is listed whole, in the order of the
     * announcements, each route with its own attributes.
     */
    @Test
    void aLogOfSeveralPagesKeepsEveryChangeInOrder() {
        AdjRibIn rib = new AdjRibIn();
        Map<Long, Integer> model = new LinkedHashMap<>(); // address -> MED
        int n = 300_000;
        List<Nlri> batch = new ArrayList<>();
        List<Nlri> withdrawn = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long address = 0x0A00_0000L + i;
            batch.add(new InetNlri(Family.IPV4_UNICAST, new Prefix(IpAddress.v4(address), 32), 0));
            int med = i / 1000 % 2;
            model.put(address, med);
            // in the UPDATE logged just past a page's edge: withdraw a route of the page before
            if (i % (1 << 17) == 1500 && i > 1500) {
                long gone = 0x0A00_0000L + i - (1 << 17) + 3;
                withdrawn.add(new InetNlri(Family.IPV4_UNICAST, new Prefix(IpAddress.v4(gone), 32), 0));
                model.remove(gone);
            }
            if (batch.size() == 1000 || i == n - 1) {
                List<Attribute> attributes = List.of(
                        new Origin(Origin.IGP), new NextHop(IpAddress.parse("192.0.2.1")), new Med(med));
                rib.record(RouteUpdate.of(new Update(withdrawn, attributes, batch)));
                batch = new ArrayList<>();
                withdrawn = new ArrayList<>();
            }
        }
        List<RibEntry> routes = rib.routes();
        assertThat(routes).hasSize(model.size());
        int i = 0;
        for (Map.Entry<Long, Integer> e : model.entrySet()) {
            RibEntry route = routes.get(i++);
            Prefix p = ((InetNlri) route.nlri()).prefix();
            Med m = (Med) route.attributes().stream().filter(a -> a instanceof Med).findFirst().orElseThrow();
            if (p.address().v4Value() != e.getKey() || m.value() != e.getValue())
                throw new AssertionError("route " + i + " is " + p + " med " + m.value());
        }
    }

    private static Nlri prefix(Random random) {
        // a small pool so that routes are replaced and withdrawn often; a few host routes and short prefixes
        return switch (random.nextInt(10)) {
            case 0 -> InetNlri.of(Family.IPV4_UNICAST, "10.0.0." + random.nextInt(8) + "/32");
            case 1 -> InetNlri.of(Family.IPV4_UNICAST, random.nextInt(4) + ".0.0.0/8");
            default -> InetNlri.of(Family.IPV4_UNICAST, "20.0." + random.nextInt(40) + ".0/24");
        };
    }
}
