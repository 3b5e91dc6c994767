package org.jexabgp.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jexabgp.core.model.Route;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.attribute.Aigp;
import org.jexabgp.wire.nlri.Prefix;
import org.jexabgp.wire.nlri.RouteDistinguisher;
import org.jexabgp.wire.nlri.mup.MupFamily;
import org.jexabgp.wire.nlri.mup.MupIsd;
import org.jexabgp.wire.nlri.mup.MupT2st;
import org.jexabgp.wire.nlri.mvpn.McastVpnFamily;
import org.jexabgp.wire.nlri.mvpn.McastVpnJoin;
import org.jexabgp.wire.nlri.vpls.Vpls;
import org.junit.jupiter.api.Test;

/** config.md §10.2, §10.4, §12.2–§12.4 and api.md §4.2, §4.5: VPLS, MVPN and MUP routes, file and API alike. */
class FamilyRouteSyntaxF3Test {
    private static final String VPLS_TERMS = "endpoint 5 base 10702 offset 1 size 8 rd 192.168.201.1:123"
            + " next-hop 192.168.201.1 origin igp med 2000 extended-community [ target:54591:6 l2info:19:0:1500:111 ]";

    private static List<Route> neighbor(String body) throws ConfigError {
        return ConfigurationSyntaxTest.neighbor(body).routes();
    }

    private static Route api(String text, boolean withdraw) throws ConfigError {
        List<Route> r = RouteSyntax.parseApiRoute(text, withdraw);
        assertThat(r).hasSize(1);
        return r.getFirst();
    }

    @Test
    void vplsOneLineBlockAnnounceAndApiAgree() throws ConfigError {
        Route apiRoute = api("vpls " + VPLS_TERMS, false);
        assertThat(apiRoute.nlri())
                .isEqualTo(new Vpls(RouteDistinguisher.parse("192.168.201.1:123"), 5, 1, 8, 10702));
        assertThat(apiRoute.nextHop()).isEqualTo(IpAddress.parse("192.168.201.1"));
        String block = "l2vpn {\n vpls site5 {\n endpoint 5;\n base 10702;\n offset 1;\n size 8;\n"
                + " rd 192.168.201.1:123;\n next-hop 192.168.201.1;\n origin igp;\n med 2000;\n"
                + " extended-community [ target:54591:6 l2info:19:0:1500:111 ];\n }\n}";
        assertThat(neighbor(block)).containsExactly(apiRoute);
        assertThat(neighbor("l2vpn {\n vpls " + VPLS_TERMS + ";\n}")).containsExactly(apiRoute);
        assertThat(neighbor("announce {\n l2vpn {\n vpls " + VPLS_TERMS + ";\n }\n}")).containsExactly(apiRoute);
    }

    @Test
    void vplsRequiresItsFieldsAndAConsistentBase() throws ConfigError {
        assertThatThrownBy(() -> api("vpls endpoint 5 base 10702 offset 1 rd 1:1 next-hop 1.1.1.1", false))
                .isInstanceOf(ConfigError.class);
        assertThatThrownBy(() -> api("vpls endpoint 5 base 1048575 offset 1 size 8 rd 1:1 next-hop 1.1.1.1", false))
                .isInstanceOf(ConfigError.class);
        // api.md §4.5: a withdrawal needs no next hop
        assertThat(api("vpls endpoint 5 base 10702 offset 1 size 8 rd 1:1", true).nextHop())
                .isEqualTo(IpAddress.V4_ZERO);
    }

    @Test
    void mcastVpnFileAndApiAgree() throws ConfigError {
        String route = "mcast-vpn shared-join rp fd00::1 group ff0e::1 rd 65000:99999 source-as 65000"
                + " next-hop 10.10.6.3 extended-community [ target:192.168.94.12:5 ]";
        Route r = api("ipv6 " + route, false);
        assertThat(r.nlri())
                .isEqualTo(new McastVpnJoin(McastVpnFamily.IPV6, 6, RouteDistinguisher.parse("65000:99999"), 65000,
                        IpAddress.parse("fd00::1"), IpAddress.parse("ff0e::1")));
        // wire.md §4: an IPv4 next hop stays IPv4 on ipv6 mcast-vpn
        assertThat(r.nextHop()).isEqualTo(IpAddress.parse("10.10.6.3"));
        assertThat(neighbor("announce {\n ipv6 {\n " + route + ";\n }\n}")).containsExactly(r);
        // config.md §12.3: addresses of the other AFI are refused
        assertThatThrownBy(() -> api("ipv4 " + route, false)).isInstanceOf(ConfigError.class);
    }

    @Test
    void mupRoutesAndTheMappedNextHop() throws ConfigError {
        Route isd = api("ipv6 mup mup-isd 2001::/64 rd 100:100 next-hop 10.0.0.2", false);
        assertThat(isd.nlri())
                .isEqualTo(new MupIsd(MupFamily.IPV6, RouteDistinguisher.parse("100:100"), Prefix.parse("2001::/64")));
        // config.md §12: an IPv4 next hop on an IPv6 mup route becomes ::ffff:a.b.c.d
        assertThat(isd.nextHop()).isEqualTo(IpAddress.parse("::ffff:10.0.0.2"));
        Route t2 = api("ipv4 mup mup-t2st 10.0.0.1 rd 100:100 teid 12345/23 next-hop 10.0.0.2", false);
        assertThat(t2.nlri()).isEqualTo(new MupT2st(MupFamily.IPV4, RouteDistinguisher.parse("100:100"),
                IpAddress.parse("10.0.0.1"), 12345, 23));
        assertThat(neighbor("announce {\n ipv4 {\n mup mup-t2st 10.0.0.1 rd 100:100 teid 12345/23"
                        + " next-hop 10.0.0.2;\n }\n}"))
                .containsExactly(t2);
        // config.md §12.4: the TEID must fit in the bits given
        assertThatThrownBy(() -> api("ipv4 mup mup-t2st 10.0.0.1 rd 100:100 teid 12345/8 next-hop 10.0.0.2", false))
                .isInstanceOf(ConfigError.class);
        // only next-hop, extended-community, bgp-prefix-sid-srv6 and label follow a mup route
        assertThatThrownBy(() -> api("ipv4 mup mup-dsd 10.0.0.1 rd 100:100 med 5", false))
                .isInstanceOf(ConfigError.class);
    }

    @Test
    void aigpDecimalAndHex() throws ConfigError {
        assertThat(api("route 10.0.0.0/24 next-hop 1.1.1.1 aigp 100", false).attributes().all())
                .contains(new Aigp(100));
        assertThat(api("route 10.0.0.0/24 next-hop 1.1.1.1 aigp 0xFFFFFFFFFFFFFFFF", false).attributes().all())
                .contains(new Aigp(-1L));
    }
}
