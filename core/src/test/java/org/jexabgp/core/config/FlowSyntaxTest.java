package org.jexabgp.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jexabgp.core.model.Neighbor;
import org.jexabgp.core.model.Route;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.attribute.Attribute;
import org.jexabgp.wire.nlri.flow.FlowFamily;
import org.junit.jupiter.api.Test;

/** config.md §10.3, §13; api.md §4.4: the flow grammar in files and commands gives equal routes. */
class FlowSyntaxTest {
    private static Neighbor neighbor(String body) throws ConfigError {
        return ConfigurationSyntaxTest.neighbor(
                "local-as 1; peer-as 1;\n family { ipv4 flow; ipv4 flow-vpn; ipv6 flow; ipv6 flow-vpn; }\n" + body);
    }

    private static String nlri(Route r) {
        WireWriter w = new WireWriter();
        r.nlri().encode(w, false);
        return w.toBytes().hex();
    }

    private static List<String> attributes(Route r) {
        return r.attributes().all().stream().map(Attribute::text).toList();
    }

    @Test
    void blockOneLineAndApiFormsAgree() throws ConfigError {
        Neighbor n = neighbor("flow {\n route named {\n match {\n source 10.0.0.1/32;\n destination 192.168.0.1/32;\n"
                + " destination-port [ >8080&<8088 =3128 ];\n protocol [ udp tcp ];\n }\n"
                + " then {\n discard;\n community [30740:0 30740:30740];\n }\n }\n"
                + " route source 10.0.0.1/32 destination 192.168.0.1/32 destination-port [ >8080&<8088 =3128 ]"
                + " protocol [ udp tcp ] discard community [ 30740:0 30740:30740 ];\n}\n");
        Route block = n.routes().get(0);
        Route line = n.routes().get(1);
        List<Route> api = RouteSyntax.parseApiRoute("flow route { match { source 10.0.0.1/32; destination "
                + "192.168.0.1/32; destination-port [ >8080&<8088 =3128 ]; protocol [ udp tcp ]; } then { discard; "
                + "community [30740:0 30740:30740]; } }");
        List<Route> escaped = RouteSyntax.parseApiRoute("flow route {\\n match {\\n source 10.0.0.1/32;\\n"
                + " destination 192.168.0.1/32;\\n destination-port [ >8080&<8088 =3128 ];\\n protocol [ udp tcp ];\\n"
                + " }\\n then {\\n"
                + " discard;\\n community [30740:0 30740:30740];\\n }\\n }\\n");
        assertThat(line).isEqualTo(block);
        assertThat(api).containsExactly(block);
        assertThat(escaped).containsExactly(block);
        assertThat(block.family()).isEqualTo(FlowFamily.IPV4_FLOW_FAMILY);
        assertThat(block.nextHop()).isNull();
        // components sorted by type: 01 dest, 02 source, 03 protocol =17 =6, 05 ports (wire.md §5.1 example)
        assertThat(nlri(block))
                .isEqualToIgnoringCase("1b" + "0120c0a80001" + "02200a000001" + "0301118106" + "05121f90541f98910c38");
        assertThat(attributes(block))
                .containsExactly("community [ 30740:0 30740:30740 ]", "extended-community rate-limit:0");
    }

    @Test
    void flowVpnNextHopAndRedirects() throws ConfigError {
        Neighbor n = neighbor("flow {\n route a { rd 65535:65536; next-hop 5.6.7.8; match { source 10.0.0.3/32; }"
                + " then { redirect-to-nexthop; } }\n"
                + " route b { match { destination 192.168.0.1/32; } then { redirect 1.2.3.4; } }\n"
                + " route c { match { source 10.0.0.2/32; } then { copy 1.2.3.4; } }\n"
                + " route d { match { source 10.0.0.1/32; } then { redirect-to-nexthop-ietf 2a02:b80:0:1::1; } }\n"
                + " route e { match { source 10.0.0.1/32; } then { redirect 65536:7; mark 10; action sample; } }\n}\n");
        Route a = n.routes().get(0);
        assertThat(a.family()).isEqualTo(FlowFamily.IPV4_FLOW_VPN_FAMILY);
        // qa/encoding/conf-flow.msg
        assertThat(nlri(a)).isEqualToIgnoringCase("0e" + "0000ffff00010000" + "02200a000003");
        assertThat(a.nextHop()).isEqualTo(IpAddress.parse("5.6.7.8"));
        assertThat(attributes(a)).containsExactly("extended-community redirect-to-nexthop");
        assertThat(n.routes().get(1).nextHop()).isEqualTo(IpAddress.parse("1.2.3.4"));
        assertThat(attributes(n.routes().get(2))).containsExactly("extended-community copy-to-nexthop");
        assertThat(n.routes().get(3).nextHop()).isNull();
        assertThat(attributes(n.routes().get(3)))
                .containsExactly("attribute [ 0x19 0xC0 0x000C2A020B800000000100000000000000010000 ]");
        assertThat(attributes(n.routes().get(4)))
                .containsExactly("extended-community [ action sample mark 10 redirect:65536:7 ]");
    }

    @Test
    void ipv6RulesBitmasksAndScope() throws ConfigError {
        Neighbor n = neighbor("flow {\n route v6 { match { source ::1/128/120; destination"
                + " 2a02:b80:15::7aca:39ff:feae:a87a/128/0; next-header udp; traffic-class 101; flow-label 2013; }"
                + " then { discard; } }\n"
                + " route f { match { tcp-flags [SYN RST&FIN&!=push]; fragment [ last-fragment ]; } scope {"
                + " interface-set [ non-transitive:input:3405770241:1 transitive:output:254:254 ]; }"
                + " then { accept; } }\n}\n");
        Route v6 = n.routes().get(0);
        assertThat(v6.family()).isEqualTo(FlowFamily.IPV6_FLOW_FAMILY);
        // qa/encoding/conf-flow.msg: 30 = 48 bytes; 01 80 00 + 16; 02 80 78 + 16 (quirk); 03 81 11; 0B 81 65;
        // 0D 91 07DD
        assertThat(nlri(v6)).isEqualToIgnoringCase("30" + "018000" + "2a020b80001500007aca39fffeaea87a" + "028078"
                + "00000000000000000000000000000001" + "038111" + "0b8165" + "0d9107dd");
        Route f = n.routes().get(1);
        assertThat(f.family()).isEqualTo(FlowFamily.IPV4_FLOW_FAMILY); // no prefix: IPv4 (config.md §10.3 quirk)
        assertThat(nlri(f)).isEqualToIgnoringCase("0c" + "09000200044001c308" + "0c8008"); // wire.md §5.1 examples
        assertThat(attributes(f)).containsExactly(
                "extended-community [ interface-set:output:254:254 interface-set:input:3405770241:1 ]");
    }

    @Test
    void announceSectionAndApiOneLine() throws ConfigError {
        Neighbor n = neighbor("announce {\n ipv6 {\n flow destination 2001:db8::/32 next-header tcp"
                + " redirect 65002:100;\n }\n}\n");
        Route r = n.routes().getFirst();
        assertThat(r.family()).isEqualTo(FlowFamily.IPV6_FLOW_FAMILY);
        List<Route> api = RouteSyntax.parseApiRoute(
                "ipv6 flow destination 2001:db8::/32 next-header tcp redirect 65002:100", false);
        assertThat(api).containsExactly(r);
        List<Route> oneLine = RouteSyntax.parseApiRoute("flow route rd 65002:3 destination 10.9.0.0/24 discard");
        assertThat(oneLine.getFirst().family()).isEqualTo(FlowFamily.IPV4_FLOW_VPN_FAMILY);
    }

    @Test
    void errors() {
        assertThatThrownBy(() -> RouteSyntax.parseApiRoute("flow route source 10.0.0.0/24 destination 2001:db8::/32"))
                .isInstanceOf(ConfigError.class);
        assertThatThrownBy(() -> RouteSyntax.parseApiRoute("flow route protocol nosuch discard"))
                .isInstanceOf(ConfigError.class);
        // a value list of empty words only: an error, not a component without terms (CommandFuzz finding)
        assertThatThrownBy(() -> RouteSyntax.parseApiRoute("flow route port [ '' ] discard"))
                .isInstanceOf(ConfigError.class)
                .hasMessageContaining("expected a value");
        assertThatThrownBy(() -> RouteSyntax.parseApiRoute("flow route source 10.0.0.0/24 mark 64"))
                .isInstanceOf(ConfigError.class);
        assertThatThrownBy(() -> RouteSyntax.parseApiRoute("flow route source 10.0.0.0/24 redirect 1.2.3.4:5"))
                .isInstanceOf(ConfigError.class);
        assertThatThrownBy(() -> RouteSyntax.parseApiRoute("flow route discard"))
                .isInstanceOf(ConfigError.class);
        assertThatThrownBy(() -> neighbor("flow {\n route x { match { source 10.0.0.0/24; } bogus { } }\n}\n"))
                .isInstanceOf(ConfigError.class);
    }
}
