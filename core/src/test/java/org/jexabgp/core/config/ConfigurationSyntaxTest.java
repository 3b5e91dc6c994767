package org.jexabgp.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.jexabgp.core.model.ApiBinding;
import org.jexabgp.core.model.ApiBinding.ApiMessage;
import org.jexabgp.core.model.ApiProcess;
import org.jexabgp.core.model.Capabilities.AddPath;
import org.jexabgp.core.model.Configuration;
import org.jexabgp.core.model.Neighbor;
import org.jexabgp.core.model.NextHopFamily;
import org.jexabgp.wire.Afi;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.message.OperationalContent;
import org.jexabgp.wire.message.OperationalType;
import org.junit.jupiter.api.Test;

/** config.md §4–§9. */
class ConfigurationSyntaxTest {
    private static final String PEER = "neighbor 127.0.0.1 {\n router-id 1.2.3.4;\n local-address 127.0.0.1;\n";

    static Configuration parse(String text) throws ConfigError {
        return ConfigurationSyntax.parse(text, "/etc/t.conf", ProgramCheck.ANY);
    }

    static Neighbor neighbor(String body) throws ConfigError {
        Configuration c = parse(PEER + body + "\n}\n");
        assertThat(c.neighbors()).hasSize(1);
        return c.neighbors().getFirst();
    }

    static ConfigError error(String text) {
        try {
            parse(text);
        } catch (ConfigError e) {
            return e;
        }
        throw new AssertionError("no error for:\n" + text);
    }

    @Test
    void defaultsOfABareNeighbor() throws ConfigError {
        Neighbor n = neighbor("");
        assertThat(n.peerAddress()).isEqualTo(IpAddress.parse("127.0.0.1"));
        assertThat(n.peerPrefixLength()).isEqualTo(32);
        assertThat(n.holdTimeSeconds()).isEqualTo(180);
        assertThat(n.localAs()).isNull();
        assertThat(n.peerAs()).isNull();
        assertThat(n.passive()).isFalse();
        assertThat(n.groupUpdates()).isTrue();
        assertThat(n.autoFlush()).isTrue();
        assertThat(n.adjRibIn()).isTrue();
        assertThat(n.adjRibOut()).isTrue();
        assertThat(n.manualEor()).isFalse();
        assertThat(n.description()).isEmpty();
        assertThat(n.capabilities().asn4()).isTrue();
        assertThat(n.capabilities().extendedMessage()).isTrue();
        assertThat(n.capabilities().routeRefresh()).isFalse();
        assertThat(n.capabilities().gracefulRestartSeconds()).isNull();
        assertThat(n.capabilities().addPath()).isEqualTo(AddPath.DISABLE);
        // config.md §8: no family block → the 21 families ExaBGP knows, sorted by (AFI, SAFI)
        assertThat(n.families()).hasSize(21).isSorted();
        assertThat(n.families().getFirst()).isEqualTo(Family.IPV4_UNICAST);
        assertThat(n.families()).contains(Family.IPV6_MULTICAST, Family.of(1, 132), Family.of(16388, 72));
        assertThat(n.families().getLast()).isEqualTo(Family.of(16388, 72));
        assertThat(n.name())
                .isEqualTo("neighbor 127.0.0.1 local-ip 127.0.0.1 local-as auto peer-as auto router-id 1.2.3.4"
                        + " family-allowed in-open");
    }

    @Test
    void everyNeighborKeyword() throws ConfigError {
        Neighbor n = neighbor("""
                description "a peer; with text";
                local-as 1.10;
                peer-as 4200000000;
                hold-time 0;
                passive;
                listen 1790;
                connect 1791;
                source-interface eth0;
                outgoing-ttl 255;
                incoming-ttl disable;
                md5-password 'secret';
                md5-base64 auto;
                md5-ip 127.0.0.1;
                rate-limit 5;
                group-updates false;
                auto-flush disable;
                adj-rib-in;
                adj-rib-out;
                manual-eor true;
                host-name my-host;
                domain-name example.com;
                """);
        assertThat(n.description()).isEqualTo("a peer; with text");
        assertThat(n.localAs()).isEqualTo(65546L); // asdot 1.10 = 65536 + 10
        assertThat(n.peerAs()).isEqualTo(4200000000L);
        assertThat(n.holdTimeSeconds()).isZero();
        assertThat(n.passive()).isTrue();
        assertThat(n.listenPort()).isEqualTo(1790);
        assertThat(n.connectPort()).isEqualTo(1791);
        assertThat(n.sourceInterface()).isEqualTo("eth0");
        assertThat(n.outgoingTtl()).isEqualTo(255);
        assertThat(n.incomingTtl()).isNull();
        assertThat(n.md5Password()).isEqualTo("secret");
        assertThat(n.md5Base64()).isEqualTo("auto");
        assertThat(n.md5Ip()).isEqualTo(IpAddress.parse("127.0.0.1"));
        assertThat(n.rateLimit()).isEqualTo(5);
        assertThat(n.groupUpdates()).isFalse();
        assertThat(n.autoFlush()).isFalse();
        // D7: these bare keywords mean false
        assertThat(n.adjRibIn()).isFalse();
        assertThat(n.adjRibOut()).isFalse();
        assertThat(n.manualEor()).isTrue();
        assertThat(n.hostName()).isEqualTo("my-host");
        assertThat(n.domainName()).isEqualTo("example.com");
        assertThat(n.name()).contains("local-as 65546 peer-as 4200000000");
    }

    @Test
    void capabilityBlock() throws ConfigError {
        Neighbor n = neighbor("""
                hold-time 90;
                capability { asn4 disable; route-refresh; graceful-restart; add-path send/receive;
                multi-session; operational enable; extended-message false; aigp; software-version; }
                family { ipv4 unicast; ipv6 unicast; }
                """);
        var c = n.capabilities();
        assertThat(c.asn4()).isFalse();
        assertThat(c.routeRefresh()).isTrue();
        assertThat(c.gracefulRestartSeconds()).isEqualTo(90); // bare → the hold time
        assertThat(c.addPath()).isEqualTo(AddPath.SEND_RECEIVE);
        assertThat(c.multiSession()).isTrue();
        assertThat(c.operational()).isTrue();
        assertThat(c.extendedMessage()).isFalse();
        assertThat(c.aigp()).isTrue();
        assertThat(c.softwareVersion()).isFalse(); // D7
        assertThat(c.nexthop()).isFalse();
        // no add-path block: every configured family
        assertThat(n.addPathFamilies()).containsExactly(Family.IPV4_UNICAST, Family.IPV6_UNICAST);
        assertThat(n.name()).endsWith("family-allowed ipv4-unicast/ipv6-unicast");

        assertThat(neighbor("capability { graceful-restart 1200; }").capabilities().gracefulRestartSeconds())
                .isEqualTo(1200);
        assertThat(neighbor("capability { graceful-restart disable; }").capabilities().gracefulRestartSeconds())
                .isNull();
        assertThat(error(PEER + "capability { add-path receive/send; }\n}").expected())
                .isEqualTo("disable, receive, send or send/receive");
    }

    @Test
    void familyAddPathAndNexthopBlocks() throws ConfigError {
        Neighbor n = neighbor("""
                family { ipv6 unicast; ipv4 mpls-vpn; ipv4 unicast; }
                family { ipv4 flow; }
                capability { add-path receive; }
                add-path { ipv4 unicast; ipv6 flow; }
                nexthop { ipv4 unicast ipv6; ipv4 mpls-vpn ipv6; }
                """);
        assertThat(n.families())
                .containsExactly(Family.IPV4_UNICAST, Family.of(1, 128), Family.of(1, 133), Family.IPV6_UNICAST);
        // add-path families not configured are ignored (config.md §8)
        assertThat(n.addPathFamilies()).containsExactly(Family.IPV4_UNICAST);
        // an entry is kept only if both families are configured
        assertThat(n.nextHops()).containsExactly(new NextHopFamily(Family.IPV4_UNICAST, Afi.IPV6));
        assertThat(n.capabilities().nexthop()).isTrue();
        assertThat(neighbor("family { all; }").families()).hasSize(19);
    }

    @Test
    void familyErrors() {
        ConfigError dup = error(PEER + "family {\n ipv4 unicast;\n ipv4 unicast;\n}\n}");
        assertThat(dup.line()).isEqualTo(6);
        assertThat(dup.reason()).isEqualTo("duplicate family ipv4 unicast");
        assertThat(error(PEER + "family { ipv6 multicast; }\n}").reason()).isEqualTo("invalid family ipv6 multicast");
        assertThat(error(PEER + "family { all; ipv4 unicast; }\n}").reason()).contains("all");
        assertThat(error(PEER + "family { minimal; }\n}")).isNotNull();
    }

    @Test
    void processesAndApi() throws ConfigError {
        Configuration c = parse("""
                process watcher {
                    run ./bin/watch.py --fast "two words";
                    encoder json;
                }
                process logger { run /usr/bin/log; encoder text; respawn false; }
                neighbor 10.0.0.1 {
                    router-id 10.0.0.2;
                    local-address 10.0.0.2;
                    api speaking {
                        processes [ watcher logger ];
                        neighbor-changes;
                        receive { parsed; update; keepalive; }
                        send { packets; }
                    }
                    api { processes-match [ ^log ]; fsm; signal true; negotiated false; }
                }
                """);
        assertThat(c.processes())
                .containsExactly(
                        new ApiProcess(
                                "watcher",
                                List.of("/etc/./bin/watch.py", "--fast", "two words"),
                                ApiProcess.Encoder.JSON,
                                true),
                        new ApiProcess("logger", List.of("/usr/bin/log"), ApiProcess.Encoder.TEXT, false));
        List<ApiBinding> api = c.neighbors().getFirst().api();
        assertThat(api).hasSize(2);
        ApiBinding a = api.get(0);
        assertThat(a.name()).isEqualTo("speaking");
        assertThat(a.processes()).containsExactly("watcher", "logger");
        assertThat(a.neighborChanges()).isTrue();
        assertThat(a.receive()).isEqualTo(Set.of(ApiMessage.PARSED, ApiMessage.UPDATE, ApiMessage.KEEPALIVE));
        assertThat(a.send()).isEqualTo(Set.of(ApiMessage.PACKETS));
        ApiBinding b = api.get(1);
        assertThat(b.processesMatch()).containsExactly("^log");
        assertThat(b.fsm()).isTrue();
        assertThat(b.signal()).isTrue();
        assertThat(b.negotiated()).isFalse();
        ApiBinding m = ApiBinding.merged(api);
        assertThat(m.processes()).containsExactly("watcher", "logger");
        assertThat(m.fsm()).isTrue();
        assertThat(m.neighborChanges()).isTrue();
    }

    @Test
    void processErrors() {
        ConfigError noEncoder = error("process p {\n run /bin/true;\n}\n");
        assertThat(noEncoder.reason()).isEqualTo("unset process sections: encoder");
        assertThat(noEncoder.getMessage()).startsWith("/etc/t.conf:1:1: expected encoder, found none");
        ConfigError undefined = error("neighbor 10.0.0.1 {\n router-id 1.1.1.1;\n api {\n  processes [ ghost ];\n }\n}\n");
        assertThat(undefined.reason()).isEqualTo("an api called 'ghost' is used by neighbor '10.0.0.1' but not defined");
        assertThat(undefined.line()).isEqualTo(4);
        assertThat(undefined.column()).isEqualTo(15);
        ConfigError missing = assertConfigError(() -> ConfigurationSyntax.parse(
                "process p {\n run nothere;\n encoder text;\n}\n", "t.conf", (program, dir) -> null));
        assertThat(missing.line()).isEqualTo(2);
        assertThat(missing.column()).isEqualTo(6);
        assertThat(error("process p { run /a; encoder json; }\nprocess p { run /a; encoder json; }\n").reason())
                .isEqualTo("duplicate process name p");
        assertThat(error("process p { run /a; encoder xml; }").expected()).isEqualTo("text or json");
        assertThat(error("process p { run /a; encoder json; }\nneighbor 1.1.1.1 { router-id 1.1.1.1;"
                        + " api { processes-match [ ^zzz ]; } }")
                .reason())
                .contains("^zzz");
        assertThat(error("process p { run /a; encoder json; }\n"
                        + "neighbor 1.1.1.1 { router-id 1.1.1.1; api x { processes [ p ]; } }\n"
                        + "neighbor 1.1.1.2 { router-id 1.1.1.1; api x { processes [ p ]; } }\n")
                .reason())
                .isEqualTo("duplicate api name x");
    }

    interface Parse {
        void run() throws ConfigError;
    }

    static ConfigError assertConfigError(Parse p) {
        try {
            p.run();
        } catch (ConfigError e) {
            return e;
        }
        throw new AssertionError("no ConfigError");
    }

    @Test
    void templateScalarsOverrideTheNeighborsOwnQuirkD8() throws ConfigError {
        Configuration c = parse("""
                template {
                    neighbor base {
                        hold-time 90;
                        peer-as 65000;
                        family { ipv4 unicast; }
                        static { route 1.0.0.0/8 next-hop 1.1.1.1; }
                        inherit other;
                    }
                    neighbor other { description "from other"; local-as 2; }
                }
                neighbor 127.0.0.1 {
                    inherit [ base other ];
                    router-id 127.0.0.0;
                    local-address 127.0.0.1;
                    hold-time 30;
                    local-as 1;
                    family { ipv6 unicast; }
                    static { route 2.0.0.0/8 next-hop 1.1.1.1; }
                }
                """);
        Neighbor n = c.neighbors().getFirst();
        assertThat(n.holdTimeSeconds()).isEqualTo(90); // template wins (D8)
        assertThat(n.localAs()).isEqualTo(2L); // the last template wins
        assertThat(n.peerAs()).isEqualTo(65000L);
        assertThat(n.description()).isEqualTo("from other");
        assertThat(n.families()).containsExactly(Family.IPV4_UNICAST, Family.IPV6_UNICAST);
        // the neighbour's own routes first, then the template's
        assertThat(n.routes()).extracting(r -> r.nlri().text()).containsExactly("2.0.0.0/8", "1.0.0.0/8");
    }

    /** docs/neighbors.md: a neighbour created at run time inherits the running configuration's templates. */
    @Test
    void anotherParseInheritsTheTemplatesOfAConfiguration() throws ConfigError {
        Configuration running = parse("""
                template {
                    neighbor edge { hold-time 90; local-as 1; family { ipv4 unicast; } }
                    neighbor spare { description spare; }
                }
                """);
        assertThat(running.neighbors()).isEmpty();
        assertThat(running.templates().names()).containsExactly("edge", "spare");
        Configuration created = ConfigurationSyntax.parse(
                PEER + " inherit edge;\n peer-as 2;\n family { ipv6 unicast; }\n}\n", "create neighbor",
                ProgramCheck.ANY, running.templates());
        Neighbor n = created.neighbors().getFirst();
        assertThat(n.holdTimeSeconds()).isEqualTo(90);
        assertThat(n.localAs()).isEqualTo(1L);
        assertThat(n.families()).containsExactly(Family.IPV4_UNICAST, Family.IPV6_UNICAST);
        // merging read the template only: a second neighbour gets it as written
        Neighbor again = ConfigurationSyntax.parse(PEER + " inherit edge;\n peer-as 3;\n}\n", "create neighbor",
                ProgramCheck.ANY, running.templates()).neighbors().getFirst();
        assertThat(again.families()).containsExactly(Family.IPV4_UNICAST);
        assertThat(again.peerAs()).isEqualTo(3L);
        // a template of the text itself comes before an inherited one of the same name
        Neighbor own = ConfigurationSyntax.parse("template { neighbor edge { hold-time 30; } }\n" + PEER
                + " inherit edge;\n local-as 5;\n peer-as 2;\n}\n", "create neighbor", ProgramCheck.ANY,
                running.templates()).neighbors().getFirst();
        assertThat(own.holdTimeSeconds()).isEqualTo(30);
        assertThat(own.localAs()).isEqualTo(5L);
        assertThatThrownBy(() -> ConfigurationSyntax.parse(PEER + " inherit nope;\n}\n", "create neighbor",
                        ProgramCheck.ANY, running.templates()))
                .isInstanceOf(ConfigError.class)
                .hasMessageContaining("template nope is not defined");
    }

    @Test
    void inheritingAnUnknownTemplate() {
        ConfigError e = error(PEER + " inherit nope;\n}");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.column()).isEqualTo(10);
        assertThat(e.reason()).isEqualTo("template nope is not defined");
    }

    @Test
    void neighborValidation() {
        ConfigError rid = error("neighbor 10.0.0.1 {\n local-as 1;\n}\n");
        assertThat(rid.reason()).isEqualTo("incomplete neighbor, missing router-id");
        assertThat(rid.line()).isEqualTo(1);
        assertThat(rid.column()).isEqualTo(10);
        assertThat(rid.getMessage()).startsWith("/etc/t.conf:1:10: expected router-id, found none");
        // an IPv6 peer never takes its router-id from the local address
        assertThat(error("neighbor ::1 { local-address ::2; }").reason())
                .isEqualTo("incomplete neighbor, missing router-id");
        assertThat(error(PEER + "}\n" + PEER + "}\n").reason()).isEqualTo("duplicate peer definition 127.0.0.1");
        assertThat(error("neighbor 10.0.0.0/24 { router-id 1.1.1.1; }").reason()).contains("passive");
        assertThat(error("neighbor 10.0.0.1 { router-id 1.1.1.1; listen 179; }").reason()).contains("listen");
        assertThat(error("neighbor 10.0.0.1 { router-id 1.1.1.1; local-address ::1; }").reason())
                .contains("same family");
        assertThat(error(PEER + "hold-time 2;\n}").expected()).isEqualTo("a hold-time (0 or 3..65535)");
        assertThat(error(PEER + "rate-limit 0;\n}")).isNotNull();
        assertThat(error(PEER + "md5-password " + "x".repeat(81) + ";\n}").reason()).isEqualTo("md5 password too long");
        assertThat(error(PEER + "host-name 1host1;\n}").expected()).isEqualTo("a host name");
        assertThat(error(PEER + "bogus 1;\n}").reason()).isEqualTo("invalid keyword \"bogus\"");
        assertThat(error(PEER + "route 1.0.0.0/8 next-hop 1.1.1.1;\n}")).isNotNull();
        assertThat(error("group x { }").reason()).isEqualTo("section group is invalid");
        // two blocks for the same IP with different local-as are two neighbours
        assertThat(neighborsOf(PEER + "local-as 1;\n}\n" + PEER + "local-as 2;\n}\n")).isEqualTo(2);
    }

    private static int neighborsOf(String text) {
        try {
            return parse(text).neighbors().size();
        } catch (ConfigError e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void operationalSection() throws ConfigError {
        // config.md §10.5: type, afi/safi, then the fixed fields; the router-id defaults to the neighbour's
        Neighbor n = neighbor("""
                operational {
                    asm afi ipv4 safi unicast advisory "maintenance; back at 10";
                    rpcq afi ipv6 safi unicast sequence 4294967295;
                    lpcp afi ipv4 safi flow router-id 9.9.9.9 sequence 1 counter 2;
                }""");
        assertThat(n.operational()).containsExactly(
                new OperationalContent.Advisory(OperationalType.ASM, Family.IPV4_UNICAST, "maintenance; back at 10"),
                new OperationalContent.Query(
                        OperationalType.RPCQ, Family.of(2, 1), IpAddress.parse("1.2.3.4"), 0xFFFF_FFFFL),
                new OperationalContent.Reply(
                        OperationalType.LPCP, Family.of(1, 133), IpAddress.parse("9.9.9.9"), 1, 2));
        ConfigError e = error(PEER + "operational { rpcp afi ipv4 safi unicast sequence 1; }\n}");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.expected()).isEqualTo("'counter'");
    }

    @Test
    void lexicalQuirksOfSections() throws ConfigError {
        // D10: words before '}' without ';' are dropped; a missing final '}' is accepted
        assertThat(neighbor("static { route 10.0.0.0/24 next-hop 1.1.1.1 }").routes()).isEmpty();
        assertThat(parse(PEER).neighbors()).hasSize(1);
        // ExaBGP ends parsing at an extra '}' at top level and ignores the rest; we refuse it (issue 4)
        ConfigError e = error(PEER + "}\n}\nthis is not parsed {");
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.reason()).isEqualTo("unbalanced braces: '}' closes no section");
        // stray braces with nothing after them stay accepted, as ExaBGP does
        assertThat(parse(PEER + "}\n}\n}\n").neighbors()).hasSize(1);
    }

    @Test
    void rangeWithPassiveOrEnvironmentPassive() throws ConfigError {
        Neighbor n = parse("neighbor 10.0.0.0/24 { router-id 1.1.1.1; passive; }").neighbors().getFirst();
        assertThat(n.isRange()).isTrue();
        assertThat(n.peerPrefixLength()).isEqualTo(24);
        assertThat(ConfigurationSyntax.parse("neighbor 10.0.0.0/24 { router-id 1.1.1.1; }", "t", ProgramCheck.ANY, true)
                        .neighbors())
                .hasSize(1);
    }
}
