package org.jexabgp.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jexabgp.core.model.Route;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.attribute.Attribute;
import org.jexabgp.wire.attribute.ExtendedCommunities;
import org.jexabgp.wire.attribute.Ipv6ExtendedCommunities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * config.md §12.1 words of every extended-community row (the golden files check one word per row end to end; here the
 * edge cases), flow {@code redirect "[<ipv6>]:<n>"} in attribute 25, and flow ports by service name (config.md §13.1).
 */
class ExtendedCommunitySyntaxTest {
    private static String hex(String word) throws ConfigError {
        return ExtendedCommunitySyntax.parse(new Token(word, "t", 1, 1, false)).value().hex();
    }

    @ParameterizedTest
    @CsvSource({
        // ExaBGP's encodings, quirks kept (config.md §12.1 table, conf-extended-attributes)
        "target:70600:6000, 0102000113C81770",
        "target:65002L:1, 01020000FDEA0001",
        "target4:71200:12000, 0102000116202EE0",
        "origin:9000:9.9.9.9, 0003232809090909",
        "redirect:1300:83000, 8008051400014438",
        // the 4-octet AS forms RFC 5668 §2 / RFC 7674, which ExaBGP cannot write
        "target-as4:65002:1, 02020000FDEA0001",
        "origin-as4:4294967295:65535, 0203FFFFFFFFFFFF",
        "redirect:4200000000:7, 8208FA56EA000007",
        // a keyword with one field is that keyword, not a target (rule 2 extended)
        "mac-mobility:4294967295, 06000000FFFFFFFF",
        "encap:GENEVE, 030C000000000013",
        "encap:65535, 030C00000000FFFF",
        "esi-label:1048575, 0601000000FFFFF0", // RFC 7432 §7.5: the label in the 20 high bits
        "rate-limit:0, 8006000000000000",
        "action:none, 8007000000000000",
        "rtrecord:1.2.3.4:5, 0113010203040005",
        "default-gateway, 030D000000000000",
    })
    void accepted(String word, String expected) throws ConfigError {
        assertThat(hex(word)).as(word).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "target-as4:1:65536", // RFC 5668: the local administrator has 2 bytes
        "redirect:70000:65536", // 4-octet AS redirect: 2-byte value
        "redirect:1.2.3.4:5", // config.md §13.3: the a.b.c.d:n form is rejected
        "mark:64", // RFC 8955 §7.5: 6-bit DSCP
        "action:drop",
        "encap:carrier-pigeon",
        "encap:65536",
        "mac-mobility:1:stuck",
        "mac-mobility:4294967296",
        "esi-label:1048576", // 20-bit label
        "es-import:00:11:22:33:44", // five octets
        "router-mac:00:11:22:33:44:5g",
        "redirect-to-nexthop-ietf:2001:db8::1", // the IPv6 form lives in attribute 25 (flow action)
        "interface-set:sideways:1:1",
        "interface-set:input:1:16384", // 14-bit group
        "bogus:1:2",
        "0x0102",
    })
    void refused(String word) {
        assertThatThrownBy(() -> hex(word)).as(word).isInstanceOf(ConfigError.class);
    }

    private static List<Route> api(String command) throws ConfigError {
        return RouteSyntax.parseApiRoute(command);
    }

    private static Attribute only(Route r, Class<? extends Attribute> kind) {
        return r.attributes().all().stream().filter(kind::isInstance).findFirst().orElseThrow();
    }

    @Test
    void flowRedirectToIpv6RouteTargetGoesInAttribute25() throws ConfigError {
        Route r = api("flow route destination-ipv6 2001:db8::/32/0 redirect \"[2001:db8::1]:100\"").getFirst();
        // RFC 5701 §2: type 00, subtype 02, IPv6 2001:db8::1, local 100 (0x0064)
        Ipv6ExtendedCommunities v6 = (Ipv6ExtendedCommunities) only(r, Ipv6ExtendedCommunities.class);
        assertThat(v6.values()).containsExactly(Bytes.fromHex("000220010DB80000000000000000000000010064"));
        assertThat(v6.strings()).containsExactly("redirect 2001:db8::1:100");
        assertThat(r.nextHop()).isEqualTo(IpAddress.parse("2001:db8::1"));
        assertThat(r.attributes().all()).noneMatch(a -> a instanceof ExtendedCommunities);
    }

    @Test
    void flowRedirectToIpv6Refusals() {
        for (String bad : List.of("\"[10.0.0.1]:1\"", "\"[2001:db8::1]:65536\"", "\"[2001:db8::zz]:1\""))
            assertThatThrownBy(() -> api("flow route destination-ipv6 2001:db8::/32/0 redirect " + bad))
                    .as(bad).isInstanceOf(ConfigError.class);
    }

    private static String flowNlri(String match) throws ConfigError {
        WireWriter w = new WireWriter();
        api("flow route " + match + " discard").getFirst().nlri().encode(w, false);
        return w.toBytes().hex();
    }

    @Test
    void portsByServiceName() throws ConfigError {
        // RFC 8955 §4.2.2.5/.6: component 5 (destination port) / 6 (source port), op EQ|end 0x81 one byte, or 0x91
        // with a two-byte value; http 80 = 0x50, ssh 22, domain 53 = 0x35, bgp 179 = 0xB3, https 443 = 0x01BB
        assertThat(flowNlri("destination-port =http")).isEqualTo("03058150");
        assertThat(flowNlri("destination-port =HTTP")).isEqualTo("03058150");
        assertThat(flowNlri("source-port [ =ssh =domain ]")).isEqualTo("050601168135");
        assertThat(flowNlri("port >=bgp")).isEqualTo("030483B3");
        assertThat(flowNlri("destination-port =https")).isEqualTo("04059101BB");
        assertThat(flowNlri("destination-port =80")).isEqualTo(flowNlri("destination-port =www"));
        assertThat(ServicePorts.size()).isGreaterThan(200);
    }

    @Test
    void unknownServiceNamesAndNamesOutsidePortsAreRefused() {
        for (String bad : List.of("destination-port =no-such-service", "protocol =http", "icmp-type =ssh"))
            assertThatThrownBy(() -> flowNlri(bad)).as(bad).isInstanceOf(ConfigError.class);
    }
}
