package org.jexabgp.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every keyword of the non-route grammar (config.md §4–§10.5) has an accepted and a refused example. The keyword list
 * is read from the parsers' own {@code case "…"} labels, so a keyword added to a parser without examples here fails
 * this test. Route keywords are covered by the family syntax tests.
 */
class KeywordCoverageTest {
    private static final String PROCESS = "process p {\n run /bin/true;\n encoder json;\n}\n";
    private static final String PEER = "neighbor 127.0.0.1 {\n router-id 1.2.3.4;\n local-address 127.0.0.1;\n";

    /** Words of the parsers' case labels that are values, not keywords. */
    private static final Set<String> VALUES =
            Set.of("disable", "disabled", "receive", "send", "send/receive", "json", "text", "route");

    /** keyword → { accepted neighbour body or file, refused one }; a body without "neighbor " is put in a neighbour. */
    private static final Map<String, String[]> EXAMPLES = new LinkedHashMap<>();

    private static void ex(String keyword, String accepted, String refused) {
        EXAMPLES.put(keyword, new String[] {accepted, refused});
    }

    static {
        ex("process", PROCESS, "process {\n run /bin/true;\n encoder json;\n}\n");
        ex("run", "", "process q {\n run;\n encoder json;\n}\n");
        ex("encoder", "", "process q {\n run /bin/true;\n encoder yaml;\n}\n");
        ex("respawn", "process q {\n run /bin/true;\n encoder text;\n respawn false;\n}\n",
                "process q {\n run /bin/true;\n encoder text;\n respawn often;\n}\n");
        ex("template", "template {\n neighbor t { hold-time 30; }\n}\n", "template x {\n}\n");
        ex("neighbor", "neighbor ::1 {\n router-id 1.1.1.1;\n}\n", "neighbor {\n}\n");
        ex("description", "description \"my peer\";", "description a b;");
        ex("router-id", "router-id 9.9.9.9;", "router-id 9.9.9;");
        ex("local-address", "local-address 127.0.0.1;", "local-address ::1;");
        ex("local-as", "local-as 65000.1;", "local-as 4294967296;");
        ex("peer-as", "peer-as auto;", "peer-as -1;");
        ex("hold-time", "hold-time 3;", "hold-time 2;");
        ex("passive", "passive;", "passive perhaps;");
        ex("group-updates", "group-updates false;", "group-updates 0;");
        ex("auto-flush", "auto-flush;", "auto-flush never;");
        ex("adj-rib-in", "adj-rib-in enable;", "adj-rib-in on;");
        ex("adj-rib-out", "adj-rib-out disabled;", "adj-rib-out off;");
        ex("manual-eor", "manual-eor true;", "manual-eor yes;");
        ex("listen", "listen 1790;", "listen 65536;");
        ex("connect", "connect 1790;", "connect;");
        ex("source-interface", "source-interface eth0;", "source-interface;");
        ex("outgoing-ttl", "outgoing-ttl 255;", "outgoing-ttl 256;");
        ex("incoming-ttl", "incoming-ttl disable;", "incoming-ttl -1;");
        ex("md5-password", "md5-password 'a secret';", "md5-password;");
        ex("md5-base64", "md5-base64 auto;", "md5-base64 maybe;");
        ex("md5-ip", "md5-ip 127.0.0.1;", "md5-ip 127.0.0;");
        ex("rate-limit", "rate-limit disable;", "rate-limit 0;");
        ex("host-name", "host-name my-host.example;", "host-name my_host;");
        ex("domain-name", "domain-name example.com;", "domain-name -example.com;");
        ex("inherit", "inherit [ ];", "inherit ghost;");
        ex("family", "family { ipv4 unicast; ipv6 flow; ipv4 rtc; }", "family { ipv6 rtc; }");
        ex("add-path", "capability { add-path send; } add-path { ipv4 unicast; }", "add-path { ipv4; }");
        ex("nexthop", "family { ipv4 unicast; ipv6 unicast; } nexthop { ipv4 unicast ipv6; }",
                "nexthop { ipv4 unicast ipv4; }");
        ex("capability", "capability { }", "capability x { }");
        ex("api", "api speaker { processes [ p ]; }", "api a/b { }");
        ex("static", "static { route 10.0.0.0/24 next-hop 1.1.1.1; }", "static { route 10.0.0.0/33 next-hop 1.1.1.1; }");
        ex("announce", "announce { ipv4 { unicast 10.0.0.0/24 next-hop 1.1.1.1; } }",
                "announce { ipv4 { unicast 10.0.0.0/24 next-hop nowhere; } }");
        ex("l2vpn", "l2vpn { }", "l2vpn { frobnicate; }");
        ex("flow", "flow { }", "flow { frobnicate; }");
        ex("operational", "operational { asm afi ipv4 safi unicast advisory \"maintenance at 10\"; }",
                "operational { asm afi ipv4 safi unicast; }");
        ex("asn4", "capability { asn4 disable; }", "capability { asn4 2; }");
        ex("route-refresh", "capability { route-refresh; }", "capability { route-refresh x; }");
        ex("graceful-restart", "capability { graceful-restart 120; }", "capability { graceful-restart 65536; }");
        ex("multi-session", "capability { multi-session enable; }", "capability { multi-session 1; }");
        ex("extended-message", "capability { extended-message false; }", "capability { extended-message f; }");
        ex("aigp", "capability { aigp; }", "capability { aigp x; }");
        ex("software-version", "capability { software-version enable; }", "capability { software-version 4; }");
        ex("link-local-nexthop", "capability { link-local-nexthop enable; }", "capability { link-local-nexthop 2; }");
        ex("processes", "api { processes [ p, p ]; }", "api { processes [ q ]; }");
        ex("processes-match", "api { processes-match [ \"^p\" ]; }", "api { processes-match [ \"^q\" ]; }");
        ex("neighbor-changes", "api { neighbor-changes; }", "api { neighbor-changes x; }");
        ex("negotiated", "api { negotiated true; }", "api { negotiated x; }");
        ex("fsm", "api { fsm; }", "api { fsm x; }");
        ex("signal", "api { signal; }", "api { signal x; }");
        for (String m : new String[] {"parsed", "packets", "consolidate", "open", "update", "notification", "keepalive",
                "refresh"})
            ex(m, "api { receive { " + m + "; } send { " + m + "; } }", "api { receive { " + m + " x; } }");
        ex("all", "family { all; }", "family { all; ipv4 unicast; }");
        ex("asm", "operational { asm afi ipv6 safi unicast advisory text; }",
                "operational { asm afi ipv6 safi unicast advisory; }");
        ex("adm", "operational { adm afi ipv4 safi flow advisory \"\"; }", "operational { adm afi ipv4; }");
        for (String q : new String[] {"rpcq", "apcq", "lpcq"})
            ex(q, "operational { " + q + " afi ipv4 safi unicast sequence 7; }",
                    "operational { " + q + " afi ipv4 safi unicast sequence 4294967296; }");
        for (String r : new String[] {"rpcp", "apcp", "lpcp"})
            ex(r, "operational { " + r + " afi ipv4 safi unicast router-id 2.2.2.2 sequence 7 counter 9; }",
                    "operational { " + r + " afi ipv4 safi unicast sequence 7; }");
    }

    private static String text(String example) {
        if (example.startsWith("process") || example.startsWith("template") || example.startsWith("neighbor"))
            return PROCESS.equals(example) ? example + PEER + "}\n" : PROCESS + example + PEER + "}\n";
        return PROCESS + PEER + " " + example + "\n}\n";
    }

    @Test
    void everyKeywordHasAnAcceptedAndARefusedExample() {
        for (Map.Entry<String, String[]> e : EXAMPLES.entrySet()) {
            String accepted = text(e.getValue()[0]);
            String refused = text(e.getValue()[1]);
            try {
                ConfigurationSyntax.parse(accepted, "t.conf", ProgramCheck.ANY);
            } catch (ConfigError x) {
                throw new AssertionError(e.getKey() + ": accepted example refused: " + x.getMessage() + "\n" + accepted);
            }
            try {
                ConfigurationSyntax.parse(refused, "t.conf", ProgramCheck.ANY);
                throw new AssertionError(e.getKey() + ": refused example accepted:\n" + refused);
            } catch (ConfigError x) {
                assertThat(x.getMessage()).startsWith("t.conf:");
            }
        }
    }

    /** The grammar's keywords, as the parsers spell them in their case labels, plus operational's message types. */
    @Test
    void everyKeywordOfTheParsersHasExamples() throws IOException {
        Set<String> keywords = new TreeSet<>();
        Pattern label = Pattern.compile("case (\"[^\\n]*?)->");
        Pattern word = Pattern.compile("\"([^\"]+)\"");
        for (String source : new String[] {"NeighborSyntax.java", "ConfigurationSyntax.java"}) {
            String code = Files.readString(Path.of("src/main/java/org/jexabgp/core/config", source));
            Matcher m = label.matcher(code);
            while (m.find()) {
                Matcher w = word.matcher(m.group(1));
                while (w.find()) keywords.add(w.group(1));
            }
        }
        for (org.jexabgp.wire.message.OperationalType t : org.jexabgp.wire.message.OperationalType.values())
            keywords.add(t.keyword());
        for (org.jexabgp.core.model.ApiBinding.ApiMessage m : org.jexabgp.core.model.ApiBinding.ApiMessage.values())
            keywords.add(m.keyword());
        keywords.add("all");
        keywords.removeAll(VALUES);
        assertThat(keywords).hasSizeGreaterThan(60);
        assertThat(EXAMPLES.keySet()).as("keywords without examples").containsAll(keywords);
    }
}
