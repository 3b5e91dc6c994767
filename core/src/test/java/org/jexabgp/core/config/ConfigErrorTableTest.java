package org.jexabgp.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;

/**
 * Broken configurations, each refused with the exact {@code file:line:column}, what was expected, what was found and
 * (when ExaBGP has one) ExaBGP's own wording (config.md §3). "neighbor" cases put one line at line 8 of a file with a
 * process {@code p} and a complete neighbour; "file" cases are whole files. Values ExaBGP wrongly accepts (ASN 2^32,
 * unknown template, 21-bit label, unbalanced braces in a template) are among them.
 */
class ConfigErrorTableTest {
    record Case(String name, String text, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String PROCESS = "process p {\n run /bin/true;\n encoder json;\n}\n";
    private static final String PEER = "neighbor 127.0.0.1 {\n router-id 1.2.3.4;\n local-address 127.0.0.1;\n";

    static Case neighbor(String name, String line, String message) {
        return new Case(name, PROCESS + PEER + " " + line + "\n}\n", message);
    }

    static Case file(String name, String text, String message) {
        return new Case(name, text, message);
    }

    static final List<Case> CASES = List.of(
            neighbor("asn-2^32", "local-as 4294967296;",
                    "t.conf:8:11: expected an ASN, found '4294967296'"),
            neighbor("asn-asdot-overflow", "peer-as 65536.1;",
                    "t.conf:8:10: expected an ASN, found '65536.1'"),
            neighbor("asn-word", "peer-as abc;",
                    "t.conf:8:10: expected an ASN, found 'abc'"),
            neighbor("hold-time-1", "hold-time 1;",
                    "t.conf:8:12: expected a hold-time (0 or 3..65535), found '1'"),
            neighbor("hold-time-big", "hold-time 65536;",
                    "t.conf:8:12: expected a hold-time (0 or 3..65535), found '65536'"),
            neighbor("hold-time-missing", "hold-time;",
                    "t.conf:8:11: expected a hold-time, found end of statement"),
            neighbor("router-id-v6", "router-id ::1;",
                    "t.conf:8:12: expected an IPv4 address, found '::1'"),
            neighbor("router-id-bare", "router-id;",
                    "t.conf:8:11: expected a router-id (IPv4 address), found end of statement"),
            neighbor("local-address-bad", "local-address 1.2.3;",
                    "t.conf:8:16: expected an IP address, found '1.2.3'"),
            neighbor("unknown-keyword", "frobnicate 1;",
                    "t.conf:8:2: expected a neighbor keyword, found 'frobnicate'\ninvalid keyword \"frobnicate\""),
            neighbor("route-at-neighbor", "route 10.0.0.0/24 next-hop 1.1.1.1;",
                    "t.conf:8:2: expected a neighbor keyword, found 'route'\nroutes must be inside static, announce, flow or l2vpn"),
            neighbor("bool-bad", "passive maybe;",
                    "t.conf:8:10: expected a boolean (true, false, enable, disable), found 'maybe'"),
            neighbor("listen-port-big", "listen 70000;",
                    "t.conf:8:9: expected a port, found '70000'"),
            neighbor("connect-word", "connect http;",
                    "t.conf:8:10: expected a port, found 'http'"),
            neighbor("ttl-big", "outgoing-ttl 256;",
                    "t.conf:8:15: expected a TTL (0..255) or disable, found '256'"),
            neighbor("ttl-word", "incoming-ttl yes;",
                    "t.conf:8:15: expected a TTL (0..255) or disable, found 'yes'"),
            neighbor("md5-base64-bad", "md5-base64 sometimes;",
                    "t.conf:8:13: expected a boolean (true, false, enable, disable), found 'sometimes'"),
            neighbor("md5-ip-bad", "md5-ip nowhere;",
                    "t.conf:8:9: expected an IP address, found 'nowhere'"),
            neighbor("md5-too-long", "md5-password aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa;",
                    "t.conf:8:2: expected an md5 password of at most 80 bytes, found 'md5-password'\nmd5 password too long"),
            neighbor("rate-limit-zero", "rate-limit 0;",
                    "t.conf:8:13: expected a rate (1 or more) or disable, found '0'"),
            neighbor("rate-limit-word", "rate-limit fast;",
                    "t.conf:8:13: expected a rate (1 or more) or disable, found 'fast'"),
            neighbor("host-name-bad", "host-name -bad;",
                    "t.conf:8:12: expected a host name, found '-bad'"),
            neighbor("host-name-digit-end", "host-name host1;",
                    "t.conf:8:12: expected a host name, found 'host1'"),
            neighbor("domain-name-dots", "domain-name a..b;",
                    "t.conf:8:14: expected a domain name, found 'a..b'"),
            neighbor("domain-name-digit-start", "domain-name 1example.com;",
                    "t.conf:8:14: expected a domain name, found '1example.com'"),
            neighbor("description-extra", "description a b;",
                    "t.conf:8:16: expected end of statement, found 'b'"),
            neighbor("inherit-unknown", "inherit nothere;",
                    "t.conf:8:10: expected a defined template, found 'nothere'\ntemplate nothere is not defined"),
            neighbor("family-unknown", "family { ipv4 bogus; }",
                    "t.conf:8:11: expected a family (ipv4 unicast, ipv6 flow, ...), found ipv4 bogus"),
            neighbor("family-duplicate", "family { ipv4 unicast; ipv4 unicast; }",
                    "t.conf:8:25: expected a new family, found 'ipv4'\nduplicate family ipv4 unicast"),
            neighbor("family-all-mixed", "family { ipv4 unicast; all; }",
                    "t.conf:8:25: expected one family per line, found 'all'\nall can not be used with other families"),
            neighbor("family-minimal", "family { minimal; }",
                    "t.conf:8:18: expected a safi, found end of statement"),
            neighbor("family-implicit", "family { ipv6 multicast; }",
                    "t.conf:8:11: expected a configurable family, found ipv6 multicast\ninvalid family ipv6 multicast"),
            neighbor("nexthop-bad", "nexthop { ipv4 flow ipv6; }",
                    "t.conf:8:12: expected ipv4|ipv6 unicast|multicast|nlri-mpls|mpls-vpn and the other afi, found 'ipv4'"),
            neighbor("capability-unknown", "capability { turbo; }",
                    "t.conf:8:15: expected a capability, found 'turbo'\ninvalid keyword \"turbo\""),
            neighbor("capability-gr-word", "capability { graceful-restart soon; }",
                    "t.conf:8:32: expected restart seconds (0..65535) or disable, found 'soon'"),
            neighbor("capability-addpath-reversed", "capability { add-path receive/send; }",
                    "t.conf:8:24: expected disable, receive, send or send/receive, found 'receive/send'"),
            neighbor("capability-section", "capability { asn4 { } }",
                    "t.conf:8:15: expected a capability, found 'asn4'\nsection is invalid in capability"),
            neighbor("api-unknown-process", "api { processes [ nothere ]; }",
                    "t.conf:8:20: expected a defined process, found 'nothere'\nan api called 'nothere' is used by neighbor '127.0.0.1' but not defined"),
            neighbor("api-bad-regex", "api { processes-match [ \"(\" ]; }",
                    "t.conf:8:26: expected a regular expression, found '('\ninvalid regex ("),
            neighbor("api-unknown-keyword", "api { wibble; }",
                    "t.conf:8:8: expected an api keyword, found 'wibble'\ninvalid keyword \"wibble\""),
            neighbor("api-send-unknown", "api { send { everything; } }",
                    "t.conf:8:15: expected a message type, found 'everything'\ninvalid keyword \"everything\""),
            neighbor("api-both", "api { processes [ p ]; processes-match [ p ]; }",
                    "t.conf:8:2: expected processes or processes-match, found 'api'\nprocesses and processes-match are exclusive"),
            neighbor("label-21-bit", "static { route 10.0.0.0/24 next-hop 1.1.1.1 label 1048576; }",
                    "t.conf:8:52: expected a label (0..1048575), found '1048576'"),
            neighbor("route-host-bits", "static { route 10.0.0.1/24 next-hop 1.1.1.1; }",
                    "t.conf:8:17: expected a prefix without host bits, found '10.0.0.1/24'\ninvalid network 10.0.0.1 for netmask 24"),
            neighbor("route-no-nexthop", "static { route 10.0.0.0/24; }",
                    "t.conf:8:17: expected next-hop, found none\ninvalid route (missing next-hop, label or rd ?)"),
            neighbor("route-family-off", "family { ipv6 unicast; } static { route 10.0.0.0/24 next-hop 1.1.1.1 rd 1:1 label 10; }",
                    "t.conf:8:86: expected a route of a configured family, found ipv4 mpls-vpn\nTrying to announce a route of type ipv4 mpls-vpn when we are not announcing the family to our peer"),
            neighbor("operational-unknown", "operational { xyz afi ipv4 safi unicast; }",
                    "t.conf:8:16: expected asm, adm, rpcq, rpcp, apcq, apcp, lpcq or lpcp, found 'xyz'\ninvalid keyword \"xyz\""),
            neighbor("operational-no-sequence", "operational { rpcq afi ipv4 safi unicast; }",
                    "t.conf:8:42: expected 'sequence', found end of statement"),
            neighbor("operational-advisory-missing", "operational { asm afi ipv4 safi unicast; }",
                    "t.conf:8:41: expected 'advisory', found end of statement"),
            neighbor("section-unknown", "group { }",
                    "t.conf:8:2: expected a neighbor section, found 'group'\nsection group is invalid in neighbor"),
            file("root-keyword", "router-id 1.2.3.4;",
                    "t.conf:1:1: expected process, template or neighbor, found 'router-id'\ninvalid keyword \"router-id\""),
            file("root-section", "group g {\n}",
                    "t.conf:1:1: expected process, template or neighbor, found 'group'\nsection group is invalid"),
            file("extra-brace-in-template", "template {\n neighbor t { hold-time 30; } }\n}\nneighbor 127.0.0.1 { router-id 1.2.3.4; }",
                    "t.conf:3:1: expected process, template or neighbor, found '}'\nunbalanced braces: '}' closes no section"),
            file("template-unclosed", "template {\n neighbor t {\n  hold-time 30;\n }\n",
                    "t.conf:1:1: expected '}' before the end of the file, found 'template'\nunbalanced braces: template is not closed"),
            file("template-neighbor-unclosed", "template {\n neighbor t {\n  hold-time 30;\n",
                    "t.conf:2:2: expected '}' before the end of the file, found 'neighbor'\nunbalanced braces: template neighbor t is not closed"),
            file("template-bad-name", "template {\n neighbor t/1 { }\n}",
                    "t.conf:2:11: expected a template name ([A-Za-z0-9._-]), found 't/1'"),
            file("template-duplicate", "template {\n neighbor t { }\n neighbor t { }\n}",
                    "t.conf:3:11: expected a new template name, found 't'\nduplicate template name t"),
            file("template-not-neighbor", "template {\n group t { }\n}",
                    "t.conf:2:2: expected neighbor <name> {, found 'group'\nonly neighbor sections are valid in template"),
            file("neighbor-bad-address", "neighbor 1.2.3.400 {\n}",
                    "t.conf:1:10: expected a peer IP address, found '1.2.3.400'"),
            file("neighbor-no-router-id", "neighbor ::1 {\n local-address ::1;\n}",
                    "t.conf:1:10: expected router-id, found none\nincomplete neighbor, missing router-id"),
            file("neighbor-mixed-family", "neighbor 127.0.0.1 {\n local-address ::1;\n router-id 1.2.3.4;\n}",
                    "t.conf:1:10: expected local-address of the peer's family, found '127.0.0.1'\nlocal-address and peer-address must be the same family"),
            file("neighbor-range-not-passive", "neighbor 10.0.0.0/24 {\n router-id 1.2.3.4;\n}",
                    "t.conf:1:10: expected passive, found none\ncan only use ip ranges for the peer address with passive"),
            file("neighbor-duplicate", "neighbor 127.0.0.1 {\n router-id 1.2.3.4;\n}\nneighbor 127.0.0.1 {\n router-id 1.2.3.4;\n}",
                    "t.conf:4:10: expected a new neighbor, found '127.0.0.1'\nduplicate peer definition 127.0.0.1"),
            file("listen-needs-local", "neighbor 127.0.0.1 {\n router-id 1.2.3.4;\n listen 1790;\n}",
                    "t.conf:1:10: expected local-address, found auto\nlocal-address must be set (not auto) to use listen"),
            file("process-no-run", "process p {\n encoder json;\n}",
                    "t.conf:1:1: expected run, found none\nunset process sections: run"),
            file("process-no-encoder", "process p {\n run /bin/true;\n}",
                    "t.conf:1:1: expected encoder, found none\nunset process sections: encoder"),
            file("process-bad-encoder", "process p {\n run /bin/true;\n encoder xml;\n}",
                    "t.conf:3:10: expected text or json, found 'xml'"),
            file("process-duplicate", "process p {\n run /bin/true;\n encoder json;\n}\nprocess p {\n run /bin/true;\n encoder json;\n}",
                    "t.conf:5:9: expected a new process name, found 'p'\nduplicate process name p"),
            file("unterminated-statement", "neighbor 127.0.0.1 {\n router-id 1.2.3.4\n}",
                    "t.conf:2:19: expected ';', '{' or '}', found end of line\ninvalid syntax line 2: router-id 1.2.3.4"),
            file("unterminated-quote", "neighbor 127.0.0.1 {\n description \"open;\n}",
                    "t.conf:2:14: expected closing \", found end of line\ninvalid syntax line 2"),
            file("comment-after-words", "neighbor 127.0.0.1 {\n router-id 1.2.3.4 # here\n}",
                    "t.conf:2:20: expected ';' before a comment, found '#'\ninvalid syntax line 2"));

    @ParameterizedTest(name = "{0}")
    @FieldSource("CASES")
    void refusedWithPositionAndReason(Case c) {
        ConfigError e = null;
        try {
            ConfigurationSyntax.parse(c.text(), "t.conf", ProgramCheck.ANY);
        } catch (ConfigError x) {
            e = x;
        }
        assertThat(e).as("%s is accepted:%n%s", c.name(), c.text()).isNotNull();
        assertThat(e.getMessage()).as(c.name()).isEqualTo(c.message());
        assertThat(e.file()).isEqualTo("t.conf");
    }

    @Test
    void atLeastFortyDistinctCases() {
        Set<String> names = new HashSet<>();
        for (Case c : CASES) assertThat(names.add(c.name())).as("duplicate case %s", c.name()).isTrue();
        assertThat(CASES).hasSizeGreaterThanOrEqualTo(40);
    }

    /** The same file without the broken line parses: each case fails for its own reason, not the frame around it. */
    @Test
    void theFrameAloneIsValid() throws ConfigError {
        assertThat(ConfigurationSyntax.parse(PROCESS + PEER + "}\n", "t.conf", ProgramCheck.ANY).neighbors()).hasSize(1);
    }
}
