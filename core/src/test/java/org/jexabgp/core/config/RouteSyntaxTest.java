package org.jexabgp.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jexabgp.core.config.ConfigurationSyntaxTest.assertConfigError;

import java.util.List;
import org.jexabgp.core.model.AttributeSet;
import org.jexabgp.core.model.Route;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.attribute.Aggregator;
import org.jexabgp.wire.attribute.AsPath;
import org.jexabgp.wire.attribute.AtomicAggregate;
import org.jexabgp.wire.attribute.Attribute;
import org.jexabgp.wire.attribute.ClusterList;
import org.jexabgp.wire.attribute.Communities;
import org.jexabgp.wire.attribute.Community;
import org.jexabgp.wire.attribute.ExtendedCommunities;
import org.jexabgp.wire.attribute.ExtendedCommunity;
import org.jexabgp.wire.attribute.GenericAttribute;
import org.jexabgp.wire.attribute.LargeCommunities;
import org.jexabgp.wire.attribute.LargeCommunity;
import org.jexabgp.wire.attribute.LocalPref;
import org.jexabgp.wire.attribute.Med;
import org.jexabgp.wire.attribute.Origin;
import org.jexabgp.wire.attribute.OriginatorId;
import org.jexabgp.wire.nlri.Prefix;
import org.jexabgp.wire.nlri.inet.InetNlri;
import org.junit.jupiter.api.Test;

/** config.md §10–§12 and api.md §4.1–§4.3: the same grammar from files and commands. */
class RouteSyntaxTest {
    private static IpAddress ip(String s) {
        return IpAddress.parse(s);
    }

    private static InetNlri nlri(Family f, String prefix) {
        return new InetNlri(f, Prefix.parse(prefix), 0);
    }

    private static List<Route> staticRoutes(String body) throws ConfigError {
        return ConfigurationSyntaxTest.neighbor("static {\n" + body + "\n}").routes();
    }

    private static Route only(String apiText) throws ConfigError {
        List<Route> r = RouteSyntax.parseApiRoute(apiText);
        assertThat(r).hasSize(1);
        return r.getFirst();
    }

    @Test
    void everyAttributeKeyword() throws ConfigError {
        Route r = only("route 10.1.0.0/24 next-hop 127.0.30.2 origin igp as-path [ 65002 65010 ] med 100"
                + " local-preference 200 community [ 65002:100 no-export ] large-community [ 65002:1:2 ]"
                + " extended-community [ target:65002:1 origin:1.2.3.4:5 ] originator-id 1.1.1.1"
                + " cluster-list [ 2.2.2.2 3.3.3.3 ] aggregator ( 65002:1.2.3.4 ) atomic-aggregate"
                + " attribute [ 0x63 0xc0 0x01020304 ]");
        assertThat(r.nlri()).isEqualTo(nlri(Family.IPV4_UNICAST, "10.1.0.0/24"));
        assertThat(r.nextHop()).isEqualTo(ip("127.0.30.2"));
        assertThat(r.nextHopSelf()).isFalse();
        List<Attribute> expected = List.of(
                new Origin(Origin.IGP),
                AsPath.sequence(65002, 65010),
                new Med(100),
                new LocalPref(200),
                new Communities(List.of(Community.of(65002, 100), Community.NO_EXPORT)),
                new LargeCommunities(List.of(new LargeCommunity(65002, 1, 2))),
                // target:65002:1 → 0002 FDEA 00000001; origin:1.2.3.4:5 (dotted) → 0103 01020304 0005
                new ExtendedCommunities(List.of(
                        new ExtendedCommunity(Bytes.fromHex("0002FDEA00000001")),
                        new ExtendedCommunity(Bytes.fromHex("0103010203040005")))),
                new OriginatorId(ip("1.1.1.1")),
                new ClusterList(List.of(ip("2.2.2.2"), ip("3.3.3.3"))),
                new Aggregator(65002, ip("1.2.3.4")),
                AtomicAggregate.INSTANCE,
                new GenericAttribute(0x63, 0xC0, Bytes.fromHex("01020304")));
        assertThat(r.attributes()).isEqualTo(AttributeSet.of(expected));
    }

    /** config.md §12.1, every row of the table: text → the 8 bytes. */
    @Test
    void extendedCommunityGoldenVectors() throws ConfigError {
        String[][] vectors = {
            {"target:1000:10.10.10.10", "000203E80A0A0A0A"}, // 00 02, a:16, b:32 (dotted b)
            {"target:70600:6000", "0102000113C81770"}, // a > 65535 → 01 02, a:32, b:16
            {"target:8.8.8.8:8000", "0102080808081F40"}, // dotted a → 01 02
            {"origin:9000:9.9.9.9", "0003232809090909"},
            {"origin:7.7.7.7:7000", "0103070707071B58"},
            {"origin4:71100:11000", "0103000115BC2AF8"}, // explicit 4 variant
            {"target:100L:1", "0102000000640001"}, // L suffix → 4 variant
            {"redirect:1300:83000", "8008051400014438"},
            {"l2info:19:0:1500:111", "800A130005DC006F"},
            {"bandwidth:65000:1000", "4004FDE8447A0000"}, // 1000 as float32 = 0x447A0000
            {"mup:10:10", "0C00000A0000000A"},
            {"72:0.0.0.1", "0002004800000001"}, // two parts mean target
            {"0x0123456789ABCDEF", "0123456789ABCDEF"},
            {"redirect-to-nexthop", "0800000000000000"},
        };
        for (String[] v : vectors) {
            Route r = only("route 10.0.0.0/8 next-hop 1.1.1.1 extended-community " + v[0]);
            assertThat(r.attributes().all())
                    .as(v[0])
                    .containsExactly(new ExtendedCommunities(List.of(new ExtendedCommunity(Bytes.fromHex(v[1])))));
        }
        for (String bad : List.of("target:70000:70000", "foo:1:2", "l2info:1:2", "target:0x10:1", "12345")) {
            ConfigError e = assertConfigError(
                    () -> RouteSyntax.parseApiRoute("route 10.0.0.0/8 next-hop 1.1.1.1 extended-community " + bad));
            assertThat(e.column()).as(bad).isEqualTo(54);
        }
    }

    @Test
    void asPathForms() throws ConfigError {
        assertThat(only("route 1.0.0.0/8 next-hop 1.1.1.1 as-path [100, 500]").attributes().all())
                .containsExactly(AsPath.sequence(100, 500));
        // D5: a bare ASN is a one-element sequence
        assertThat(only("route 1.0.0.0/8 next-hop 1.1.1.1 as-path 7").attributes().all())
                .containsExactly(AsPath.sequence(7));
        assertThat(only("route 1.0.0.0/8 next-hop 1.1.1.1 as-path [ 1 2 ] ( 3 4 ) med 1").attributes().all())
                .containsExactly(
                        new AsPath(List.of(AsPath.Segment.sequence(1, 2), AsPath.Segment.set(3, 4))), new Med(1));
        assertThat(only("route 1.0.0.0/8 next-hop 1.1.1.1 as-path [ ]").attributes().all())
                .containsExactly(new AsPath(List.of()));
        assertConfigError(() -> RouteSyntax.parseApiRoute("route 1.0.0.0/8 next-hop 1.1.1.1 as-path [ 1 2 ( 3 ) ]"));
    }

    @Test
    void communityForms() throws ConfigError {
        assertThat(only("route 1.0.0.0/8 next-hop 1.1.1.1 community [ 0 no_advertise 0x10 blackhole nopeer ]")
                        .attributes()
                        .all())
                .containsExactly(new Communities(List.of(
                        new Community(0), new Community(16), Community.BLACKHOLE, Community.NO_ADVERTISE,
                        Community.NO_PEER)));
        // api.md §4.1: commas are refused in community lists
        ConfigError e = assertConfigError(
                () -> RouteSyntax.parseApiRoute("route 1.0.0.0/8 next-hop 1.1.1.1 community [65001:1,65001:2]"));
        assertThat(e.found()).isEqualTo("','");
        assertConfigError(() -> RouteSyntax.parseApiRoute("route 1.0.0.0/8 next-hop 1.1.1.1 community 65536:1"));
        // large communities: deduplicated and sorted; hex accepted (D6)
        assertThat(only("route 1.0.0.0/8 next-hop 1.1.1.1 large-community [ 3:2:1 1:2:3 1:2:3 0x000000010000000200000004 ]")
                        .attributes()
                        .all())
                .containsExactly(new LargeCommunities(List.of(
                        new LargeCommunity(1, 2, 3), new LargeCommunity(1, 2, 4), new LargeCommunity(3, 2, 1))));
    }

    @Test
    void qualifiers() throws ConfigError {
        Route r = only("route 10.0.0.0/24 next-hop self path-information 1.2.3.4 name web watchdog dog withdraw");
        assertThat(r.nextHopSelf()).isTrue();
        assertThat(r.nextHop()).isNull();
        assertThat(r.nlri().pathId()).isEqualTo(0x01020304L);
        assertThat(r.name()).isEqualTo("web");
        assertThat(r.watchdog()).isEqualTo("dog");
        assertThat(r.withdrawn()).isTrue();
        // D9: withdraw without watchdog is ignored
        assertThat(only("route 10.0.0.0/24 next-hop 1.1.1.1 withdraw").withdrawn()).isFalse();
        assertThat(only("route 10.0.0.0/24 next-hop 1.1.1.1 path-information 10").nlri().pathId()).isEqualTo(10);
    }

    @Test
    void splitExpands() throws ConfigError {
        List<Route> r = RouteSyntax.parseApiRoute("route 10.11.0.0/22 next-hop 127.0.30.2 split /24");
        assertThat(r)
                .extracting(x -> x.nlri().text())
                .containsExactly("10.11.0.0/24", "10.11.1.0/24", "10.11.2.0/24", "10.11.3.0/24");
        assertThat(RouteSyntax.parseApiRoute("route 2001:db8::/32 split /33"))
                .extracting(x -> x.nlri().text())
                .containsExactly("2001:db8::/33", "2001:db8:8000::/33");
        // ignored when not longer than the prefix
        assertThat(RouteSyntax.parseApiRoute("route 10.0.0.0/24 next-hop 1.1.1.1 split /24")).hasSize(1);
        assertConfigError(() -> RouteSyntax.parseApiRoute("route 0.0.0.0/0 next-hop 1.1.1.1 split /32"));
        // longer than the address itself
        assertConfigError(() -> RouteSyntax.parseApiRoute("route 10.0.0.0/24 next-hop 1.1.1.1 split /33"));
    }

    @Test
    void familyFromThePrefix() throws ConfigError {
        assertThat(only("route 224.1.0.0/16 next-hop 1.1.1.1").family()).isEqualTo(Family.IPV4_MULTICAST);
        assertThat(only("route 239.0.0.0/8 next-hop 1.1.1.1").family()).isEqualTo(Family.IPV4_MULTICAST);
        assertThat(only("route 240.0.0.0/8 next-hop 1.1.1.1").family()).isEqualTo(Family.IPV4_UNICAST);
        Route v6 = only("route 2001:db8:1::/48 next-hop 2001:db8::1 community 65002:6");
        assertThat(v6.family()).isEqualTo(Family.IPV6_UNICAST);
        assertThat(v6.nextHop()).isEqualTo(ip("2001:db8::1"));
        // a host route without /len
        assertThat(only("route 193.0.2.1 next-hop 1.1.1.1").nlri().text()).isEqualTo("193.0.2.1/32");
    }

    @Test
    void routeErrorsWithColumns() {
        ConfigError nh = assertConfigError(() -> RouteSyntax.parseApiRoute("route 172.16.7.0/24"));
        assertThat(nh.reason()).isEqualTo("invalid route (missing next-hop, label or rd ?)");
        assertThat(nh.file()).isEqualTo("command");
        assertThat(nh.column()).isEqualTo(7);
        ConfigError host = assertConfigError(() -> RouteSyntax.parseApiRoute("route 10.0.0.1/24 next-hop 1.1.1.1"));
        assertThat(host.reason()).isEqualTo("invalid network 10.0.0.1 for netmask 24");
        assertConfigError(() -> RouteSyntax.parseApiRoute("route 172.16.8.0/33 next-hop 1.1.1.1"));
        ConfigError label = assertConfigError(
                () -> RouteSyntax.parseApiRoute("route 10.4.0.0/24 label 1048576 next-hop 127.0.30.2"));
        assertThat(label.expected()).isEqualTo("a label (0..1048575)");
        assertThat(label.column()).isEqualTo(25);
        ConfigError unknown = assertConfigError(() -> RouteSyntax.parseApiRoute("route 10.0.0.0/24 colour red"));
        assertThat(unknown.reason()).isEqualTo("invalid keyword \"colour\"");
        assertConfigError(() -> RouteSyntax.parseApiRoute("ipv4 flow match { }"));
        assertConfigError(() -> RouteSyntax.parseApiRoute("ipv4 unicast 2001:db8::/32 next-hop 1.1.1.1"));
        // api.md §1.3: a trailing comment makes the command fail
        assertConfigError(() -> RouteSyntax.parseApiRoute("route 10.0.0.0/24 next-hop 1.1.1.1 # note"));
    }

    @Test
    void withdrawNeedsNoNextHop() throws ConfigError {
        List<Route> r = RouteSyntax.parseApiRoute("route 10.1.0.0/24", true);
        assertThat(r).hasSize(1);
        assertThat(r.getFirst().nextHop()).isEqualTo(IpAddress.V4_ZERO);
    }

    @Test
    void ipv4Ipv6AndAttributesCommands() throws ConfigError {
        Route u = only("ipv4 unicast 10.0.1.0/24 next-hop 10.0.1.254 local-preference 200");
        assertThat(u.nlri()).isEqualTo(nlri(Family.IPV4_UNICAST, "10.0.1.0/24"));
        assertThat(u.attributes().all()).containsExactly(new LocalPref(200));
        assertThat(only("ipv6 unicast fc00:1::/64 next-hop 2001::11").family()).isEqualTo(Family.IPV6_UNICAST);
        assertThat(only("ipv4 multicast 10.0.0.0/8 next-hop 1.1.1.1").family()).isEqualTo(Family.IPV4_MULTICAST);

        List<Route> a = RouteSyntax.parseApiRoute(
                "attributes path-information 1.2.3.4 next-hop 10.11.12.13 community [14:15] local-preference 16"
                        + " nlri 16.17.18.19/32 20.21.22.23/32");
        assertThat(a)
                .extracting(x -> ((InetNlri) x.nlri()).prefix().toString())
                .containsExactly("16.17.18.19/32", "20.21.22.23/32");
        for (Route x : a) {
            assertThat(x.nextHop()).isEqualTo(ip("10.11.12.13"));
            assertThat(x.nlri().pathId()).isEqualTo(0x01020304L);
            assertThat(x.attributes().all())
                    .containsExactly(new LocalPref(16), new Communities(List.of(Community.of(14, 15)))); // code order
        }
        assertThat(RouteSyntax.parseApiRoute("attribute med 100 next-hop 101.1.101.1 nlri 1.0.0.1/32 1.0.0.2/32"))
                .hasSize(2);
        assertConfigError(() -> RouteSyntax.parseApiRoute("attributes med 100 next-hop 1.1.1.1 nlri"));
        assertConfigError(() -> RouteSyntax.parseApiRoute("attributes med 100 next-hop 1.1.1.1"));
    }

    @Test
    void staticAndAnnounceGiveTheSameRoutesAsTheApi() throws ConfigError {
        String attrs = "next-hop 1.2.3.4 origin egp med 10 community [ 1:1 ]";
        Route api = only("route 10.0.0.0/24 " + attrs);
        List<Route> file = staticRoutes("route 10.0.0.0/24 " + attrs + ";\n"
                + "route 10.0.0.0/24 {\n next-hop 1.2.3.4;\n origin egp;\n med 10;\n community [ 1:1 ];\n}\n"
                + "attributes " + attrs + " nlri 10.0.0.0/24;");
        assertThat(file).containsExactly(api, api, api);
        List<Route> announce = ConfigurationSyntaxTest.neighbor(
                        "announce {\n ipv4 {\n  unicast 10.0.0.0/24 " + attrs + ";\n }\n ipv6 { }\n}\nannounce { }")
                .routes();
        assertThat(announce).containsExactly(api);
    }

    @Test
    void neighborChecksRouteFamilies() throws ConfigError {
        ConfigError e = assertConfigError(() -> ConfigurationSyntaxTest.neighbor(
                "family { ipv4 unicast; }\nstatic {\n route 2001:db8::/32 next-hop ::1;\n}"));
        assertThat(e.reason()).startsWith("Trying to announce a route of type ipv6 unicast");
        assertThat(e.line()).isEqualTo(6);
        // IPv4 unicast is always accepted
        assertThat(ConfigurationSyntaxTest.neighbor("family { ipv6 unicast; }\nstatic { route 1.0.0.0/8 next-hop 1.1.1.1; }")
                        .routes())
                .hasSize(1);
        ConfigError nh = assertConfigError(() -> ConfigurationSyntaxTest.neighbor("static {\n route 1.0.0.0/8 med 1;\n}"));
        assertThat(nh.line()).isEqualTo(5);
        assertThat(nh.column()).isEqualTo(8);
        ConfigError sec = assertConfigError(() -> ConfigurationSyntaxTest.neighbor("announce { ipv4 { mup x; } }"));
        // config.md §12.4: x is no MUP route type (the statement still needs its address and rd)
        assertThat(sec.line()).isEqualTo(4);
    }
}
