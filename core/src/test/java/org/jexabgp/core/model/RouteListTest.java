package org.jexabgp.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.attribute.Med;
import org.jexabgp.wire.nlri.inet.InetNlri;
import org.junit.jupiter.api.Test;

/** The compact list gives back routes equal to those added, in order, whatever their mix. */
class RouteListTest {
    @Test
    void compactAndWholeRoutesComeBackEqual() {
        Random random = new Random(11);
        AttributeSet a = AttributeSet.of(List.of(new Med(5)));
        IpAddress nh = IpAddress.parse("127.0.1.2");
        List<Route> routes = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            String prefix = switch (random.nextInt(4)) {
                case 0 -> "2001:db8:" + Integer.toHexString(random.nextInt(0xFFFF)) + "::/48";
                case 1 -> "10." + random.nextInt(256) + ".0.0/16";
                default -> "20." + random.nextInt(256) + "." + random.nextInt(256) + ".0/24";
            };
            Family family = prefix.contains(":") ? Family.IPV6_UNICAST : Family.IPV4_UNICAST;
            InetNlri nlri = InetNlri.of(family, prefix);
            if (random.nextInt(10) == 0) nlri = new InetNlri(family, nlri.prefix(), random.nextInt(3));
            boolean self = random.nextInt(7) == 0;
            String watchdog = random.nextInt(9) == 0 ? "w" + random.nextInt(2) : null;
            // equal but not identical attribute sets and next hops must share a shape too
            AttributeSet attributes = random.nextBoolean() ? a : AttributeSet.of(List.of(new Med(5)));
            if (random.nextInt(5) == 0) attributes = AttributeSet.EMPTY;
            IpAddress nextHop = self ? null : random.nextBoolean() ? nh : IpAddress.parse("127.0.1.2");
            routes.add(new Route(
                    nlri,
                    nextHop,
                    self,
                    attributes,
                    watchdog,
                    watchdog != null && random.nextBoolean(),
                    random.nextInt(20) == 0 ? "n" : null));
        }
        RouteList list = RouteList.of(routes);
        assertThat(list).hasSize(routes.size()).containsExactlyElementsOf(routes);
        assertThat(list).isEqualTo(routes);
        assertThat(list.hashCode()).isEqualTo(routes.hashCode());
        assertThat(RouteList.of(list)).isSameAs(list);
        // runs(): the same routes in the same order, shapes with their prefixes or routes kept whole
        List<Route> visited = new ArrayList<>();
        list.runs(new RouteList.RunVisitor() {
            @Override
            public void run(Route shape, long[] prefixes, int from, int to) {
                assertThat(to).isGreaterThan(from);
                for (int i = from; i < to; i++) visited.add(RouteList.withPrefix(shape, prefixes[i]));
            }

            @Override
            public void route(Route route) {
                visited.add(route);
            }
        });
        assertThat(visited).isEqualTo(routes);
        assertThatThrownBy(() -> list.get(routes.size())).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> list.add(routes.getFirst())).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aBuiltListStaysAsItWasWhileTheBuilderGoesOn() {
        // build() shares large, nearly full arrays (issue 9); later additions must not show through
        RouteList.Builder b = new RouteList.Builder();
        IpAddress nh = IpAddress.parse("127.0.1.2");
        List<Route> routes = new ArrayList<>();
        for (int i = 0; i < 8_000; i++) {
            Route r = Route.of(InetNlri.of(Family.IPV4_UNICAST, "20." + (i >> 8) + "." + (i & 0xFF) + ".0/24"), nh,
                    AttributeSet.EMPTY);
            routes.add(r);
            b.add(r);
        }
        RouteList first = b.build();
        Route v6 = Route.of(InetNlri.of(Family.IPV6_UNICAST, "2001:db8::/32"), nh, AttributeSet.EMPTY);
        // 150 more still fit the shared arrays (capacity 8,192): written past the first list's end
        for (int i = 0; i < 150; i++) b.add(i == 0 ? v6 : routes.get(i));
        assertThat(first).isEqualTo(routes);
        assertThat(b.size()).isEqualTo(8_150);
        assertThat(b.family(0)).isEqualTo(Family.IPV4_UNICAST);
        assertThat(b.family(8_000)).isEqualTo(Family.IPV6_UNICAST);
        assertThat(b.build().subList(0, 8_000)).isEqualTo(routes);
        assertThat(b.build().get(8_000)).isEqualTo(v6);
    }
}
