package org.jexabgp.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jexabgp.core.config.ConfigurationSyntaxTest.assertConfigError;

import java.util.List;
import org.jexabgp.core.model.Route;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.attribute.Attribute;
import org.jexabgp.wire.attribute.PrefixSid;
import org.jexabgp.wire.nlri.Labels;
import org.jexabgp.wire.nlri.Prefix;
import org.jexabgp.wire.nlri.RouteDistinguisher;
import org.jexabgp.wire.nlri.inet.InetNlri;
import org.jexabgp.wire.nlri.label.LabelFamily;
import org.jexabgp.wire.nlri.label.LabeledNlri;
import org.jexabgp.wire.nlri.vpn.VpnFamily;
import org.jexabgp.wire.nlri.vpn.VpnNlri;
import org.junit.jupiter.api.Test;

/** config.md §10–§12 and api.md §4.1–§4.3 for label, rd and the Prefix-SID: files and commands agree. */
class MplsSyntaxTest {
    private static List<Route> file(String body) throws ConfigError {
        return ConfigurationSyntaxTest.neighbor(body).routes();
    }

    private static List<Route> api(String text) throws ConfigError {
        return RouteSyntax.parseApiRoute(text);
    }

    private static VpnNlri vpn(String prefix, int label, String rd, long pathId) {
        return new VpnNlri(
                prefix.indexOf(':') >= 0 ? VpnFamily.IPV6 : VpnFamily.IPV4,
                Prefix.parse(prefix),
                Labels.of(label),
                RouteDistinguisher.parse(rd),
                pathId);
    }

    @Test
    void rdMakesAVpnRouteInEveryForm() throws ConfigError {
        // conf-parity: the block form and the one-line form give identical routes, and so does the API
        String attrs = "rd 3215:583457597 next-hop ::FFFF:81.52.17.146 label 926 local-preference 100";
        List<Route> block = file("static { route 2001:4B50:20C0::/48 { " + attrs.replace(" next-hop", "; next-hop")
                .replace(" label", "; label").replace(" local-preference", "; local-preference") + "; } }");
        List<Route> line = file("static { route 2001:4B50:20C0::/48 " + attrs + "; }");
        List<Route> command = api("route 2001:4B50:20C0::/48 " + attrs);
        assertThat(block).isEqualTo(line).isEqualTo(command).hasSize(1);
        Route r = line.getFirst();
        assertThat(r.nlri()).isEqualTo(vpn("2001:4b50:20c0::/48", 926, "3215:583457597", 0));
        assertThat(r.nextHop()).isEqualTo(IpAddress.parse("::ffff:81.52.17.146"));
    }

    @Test
    void labelAloneMakesNlriMplsAlsoInTheBlockFormD1() throws ConfigError {
        LabeledNlri expected = new LabeledNlri(
                LabelFamily.IPV4, Prefix.parse("198.51.100.101/32"), Labels.of(800002), 0);
        List<Route> line = file("static { route 198.51.100.101/32 next-hop 198.51.100.2 label [ 800002 ]; }");
        List<Route> block = file("static { route 198.51.100.101/32 { next-hop 198.51.100.2; label 800002; } }");
        assertThat(line).isEqualTo(block);
        assertThat(line.getFirst().nlri()).isEqualTo(expected);
        // a label stack, commas allowed
        assertThat(((LabeledNlri) api("route 10.2.0.0/16 label [ 100, 200 ] next-hop 1.1.1.1").getFirst().nlri())
                        .labels())
                .isEqualTo(Labels.of(100, 200));
    }

    @Test
    void announceSectionUsesSafi128ForMplsVpnD2() throws ConfigError {
        List<Route> routes = file("announce { ipv4 { mpls-vpn 10.0.0.0/24 rd 100:100 label 20012 next-hop 192.168.0.1"
                + " path-information 10; nlri-mpls 10.4.0.0/24 label 200 next-hop 1.2.3.4; } }");
        assertThat(routes.get(0).nlri()).isEqualTo(vpn("10.0.0.0/24", 20012, "100:100", 10));
        assertThat(routes.get(1).nlri())
                .isEqualTo(new LabeledNlri(LabelFamily.IPV4, Prefix.parse("10.4.0.0/24"), Labels.of(200), 0));
        // the API's announce ipv4 <safi> is the same statement
        assertThat(api("ipv4 mpls-vpn 10.0.0.0/24 rd 100:100 label 20012 next-hop 192.168.0.1 path-information 10"))
                .containsExactly(routes.get(0));
    }

    @Test
    void splitKeepsRdAndLabels() throws ConfigError {
        // conf-vpn: /24 split /25 into two VPN routes
        List<Route> routes = api("route 10.0.0.0/24 rd 65000:1 next-hop 200.10.0.101 label 1000 split /25");
        assertThat(routes)
                .extracting(Route::nlri)
                .containsExactly(vpn("10.0.0.0/25", 1000, "65000:1", 0), vpn("10.0.0.128/25", 1000, "65000:1", 0));
    }

    @Test
    void attributesNlriAppliesRdAndLabelToEveryPrefix() throws ConfigError {
        // api-attributes-vpn
        List<Route> routes = api("attribute route-distinguisher 63333:100 label [ 110 ] next-hop 10.0.99.12 origin igp"
                + " as-path [100, 500] local-preference 100 extended-community 0:0 originator-id 10.0.99.12"
                + " nlri 128.0.64.0/18 128.0.0.0/18");
        assertThat(routes)
                .extracting(Route::nlri)
                .containsExactly(vpn("128.0.64.0/18", 110, "63333:100", 0), vpn("128.0.0.0/18", 110, "63333:100", 0));
    }

    @Test
    void withdrawalMatchesTheAnnouncementWithoutNextHop() throws ConfigError {
        // api.md §4.1: withdraw route … rd … label … ; the next hop defaults to 0.0.0.0
        Route w = RouteSyntax.parseApiRoute("route 1.4.0.0/16 rd 65000:1 label 1000", true).getFirst();
        assertThat(w.nlri()).isEqualTo(vpn("1.4.0.0/16", 1000, "65000:1", 0));
        assertThat(w.nextHop()).isEqualTo(IpAddress.V4_ZERO);
    }

    @Test
    void prefixSid() throws ConfigError {
        Route r = api("route 198.51.100.101/32 next-hop 198.51.100.2 label [ 800002 ]"
                        + " bgp-prefix-sid [ 300, [ ( 800000,4096 ), (1000000,5000) ] ]")
                .getFirst();
        PrefixSid expected = PrefixSid.of(
                new PrefixSid.LabelIndex(300),
                new PrefixSid.OriginatorSrgb(
                        0, List.of(new PrefixSid.SrgbRange(800000, 4096), new PrefixSid.SrgbRange(1000000, 5000))));
        assertThat(sid(r)).isEqualTo(expected);
        assertThat(sid(api("route 1.0.0.0/8 next-hop 1.1.1.1 bgp-prefix-sid [ 777 ]").getFirst()))
                .isEqualTo(PrefixSid.of(new PrefixSid.LabelIndex(777)));
        // config.md §12: behavior decimal or 0x, 0xFFFF when absent; the structure is optional
        assertThat(sid(api("route 1.0.0.0/8 next-hop 1.1.1.1 bgp-prefix-sid-srv6 ( l3-service 2001:db8:1:1:: 0x48"
                                + " [64,24,16,0,0,0] )")
                        .getFirst()))
                .isEqualTo(PrefixSid.of(PrefixSid.Srv6Service.l3(
                        IpAddress.parse("2001:db8:1:1::"), 0x48, new PrefixSid.SidStructure(64, 24, 16, 0, 0, 0))));
        assertThat(sid(api("route 1.0.0.0/8 next-hop 1.1.1.1 bgp-prefix-sid-srv6 ( l2-service 2001:db8::1 )")
                        .getFirst()))
                .isEqualTo(PrefixSid.of(PrefixSid.Srv6Service.l2(IpAddress.parse("2001:db8::1"), 0xFFFF, null)));
        // both keywords make one attribute
        Route both = api("route 1.0.0.0/8 next-hop 1.1.1.1 bgp-prefix-sid [ 1 ]"
                        + " bgp-prefix-sid-srv6 ( l3-service 2001:db8::1 5 )")
                .getFirst();
        assertThat(sid(both).tlvs()).hasSize(2);
    }

    @Test
    void plainRoutesStayInet() throws ConfigError {
        assertThat(api("route 10.0.0.0/8 next-hop 1.1.1.1").getFirst().nlri()).isInstanceOf(InetNlri.class);
    }

    @Test
    void errors() {
        // config.md §12: no RD type holds asn 65536 with number 65536
        assertThat(assertConfigError(() -> api("route 10.0.0.0/8 rd 65536:65536 label 1 next-hop 1.1.1.1")).expected())
                .contains("route distinguisher");
        // labels are 20 bits
        assertConfigError(() -> api("route 10.0.0.0/8 label 1048576 next-hop 1.1.1.1"));
        // announce ipv4 nlri-mpls needs a label, mpls-vpn an rd
        assertConfigError(() -> api("ipv4 nlri-mpls 10.0.0.0/8 next-hop 1.1.1.1"));
        assertConfigError(() -> api("ipv4 mpls-vpn 10.0.0.0/8 label 5 next-hop 1.1.1.1"));
        assertConfigError(() -> api("route 1.0.0.0/8 next-hop 1.1.1.1 bgp-prefix-sid [ 1, [ ( 1 ) ] ]"));
        assertConfigError(() -> api("route 1.0.0.0/8 next-hop 1.1.1.1 bgp-prefix-sid-srv6 ( l4-service ::1 )"));
        assertConfigError(() -> api("route 1.0.0.0/8 next-hop 1.1.1.1 bgp-prefix-sid-srv6 ( l3-service 1.1.1.1 )"));
        assertConfigError(
                () -> api("route 1.0.0.0/8 next-hop 1.1.1.1 bgp-prefix-sid-srv6 ( l3-service ::1 1 [1,2,3] )"));
    }

    private static PrefixSid sid(Route r) {
        for (Attribute a : r.attributes().all()) if (a instanceof PrefixSid s) return s;
        throw new AssertionError("no prefix-sid in " + r);
    }
}
