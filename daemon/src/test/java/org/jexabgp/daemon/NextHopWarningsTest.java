package org.jexabgp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jexabgp.core.config.ConfigError;
import org.jexabgp.core.config.ConfigurationSyntax;
import org.jexabgp.core.config.ProgramCheck;
import org.jexabgp.core.model.Neighbor;
import org.junit.jupiter.api.Test;

/** {@code validate} warns of an IPv4 route with an IPv6 next hop and no extended next-hop, and still loads it. */
class NextHopWarningsTest {
    private static Neighbor neighbor(String body) throws ConfigError {
        String text =
                "neighbor 127.0.0.1 {\n router-id 10.0.0.1;\n local-as 65001;\n peer-as 65001;\n" + body + "\n}\n";
        return ConfigurationSyntax.parse(text, "t.conf", ProgramCheck.ANY).neighbors().getFirst();
    }

    @Test
    void anIpv6NextHopWithoutExtendedNextHopIsWarnedOfButLoaded() throws ConfigError {
        // the functional test ipv4-nexthop-ipv6: ExaBGP sends it in MP_REACH, so loading accepts it
        Neighbor n = neighbor("family { ipv4 unicast; }\nstatic { route 10.0.0.0/24 next-hop 2001:db8::1; }");
        assertThat(n.routes()).hasSize(1);
        List<String> warnings = NextHopWarnings.of(n);
        assertThat(warnings).hasSize(1);
        assertThat(warnings.getFirst())
                .startsWith("warning: neighbor 127.0.0.1 ")
                .contains("route 10.0.0.0/24 has the IPv6 next-hop 2001:db8::1")
                .contains("add nexthop { ipv4 unicast ipv6; }");
    }

    @Test
    void noWarningWithExtendedNextHopOrAFittingNextHop() throws ConfigError {
        assertThat(NextHopWarnings.of(neighbor("""
                family { ipv4 unicast; ipv6 unicast; }
                nexthop { ipv4 unicast ipv6; }
                static { route 10.0.0.0/24 next-hop 2001:db8::1; }
                """))).isEmpty();
        assertThat(NextHopWarnings.of(
                        neighbor("family { ipv4 unicast; }\nstatic { route 10.0.0.0/24 next-hop 192.0.2.1; }")))
                .isEmpty();
        // an IPv6 route may carry an IPv4 next hop (sent IPv4-mapped, wire.md §9.4)
        assertThat(NextHopWarnings.of(
                        neighbor("family { ipv6 unicast; }\nstatic { route 2001:db8::/32 next-hop 192.0.2.1; }")))
                .isEmpty();
    }

    @Test
    void theCapabilityTurnedOffLosesTheEntry() throws ConfigError {
        Neighbor n = neighbor("""
                family { ipv4 unicast; ipv6 unicast; }
                capability { nexthop disable; }
                nexthop { ipv4 unicast ipv6; }
                static { route 10.0.0.0/24 next-hop 2001:db8::1; }
                """);
        assertThat(NextHopWarnings.of(n)).hasSize(1);
    }

    @Test
    void manyRoutesAreCountedAfterTheFirstTen() throws ConfigError {
        StringBuilder routes = new StringBuilder("family { ipv4 unicast; }\nstatic {\n");
        for (int i = 0; i < 25; i++) routes.append("route 10.0.").append(i).append(".0/24 next-hop 2001:db8::1;\n");
        List<String> warnings = NextHopWarnings.of(neighbor(routes + "}"));
        assertThat(warnings).hasSize(NextHopWarnings.SHOWN + 1);
        assertThat(warnings.getLast()).contains("15 more route(s)");
    }
}
