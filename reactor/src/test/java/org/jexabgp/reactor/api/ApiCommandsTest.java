package org.jexabgp.reactor.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Commands against the reactor (api.md §2–§4): answers, output, and what reaches the wire, with a simulated engine.
 */
class ApiCommandsTest {
    private static final String MARKER = SimulatedEngine.MARKER;

    /** ctl is bound to 10.0.0.2 (operational allowed) and 10.0.0.3; other is bound to nobody. */
    static final String CONFIG = """
            process ctl { run /bin/ctl; encoder text; }
            process other { run /bin/other; encoder json; }
            neighbor 10.0.0.2 {
                router-id 10.0.0.1;
                local-address 10.0.0.1;
                local-as 65001;
                peer-as 65002;
                hold-time 90;
                family { ipv4 unicast; }
                capability { operational; }
                api { processes [ ctl ]; }
            }
            neighbor 10.0.0.3 {
                router-id 10.0.0.1;
                local-address 10.0.0.1;
                local-as 65001;
                peer-as 65003;
                hold-time 90;
                family { ipv4 unicast; }
                api { processes [ ctl ]; }
            }
            """;

    /** The OPERATIONAL capability (code 185, length 0) the peer sends in its OPEN. */
    private static final String OPERATIONAL_CAP = "0202B900";

    /** 10.2.0.0/16 next-hop 10.0.0.1 from AS 65002 (RFC 4271 §4.3): ORIGIN IGP, AS_PATH [65002], NEXT_HOP. */
    private static final String UPDATE_10_2 = MARKER + "002E02" + "0000" + "0014" + "40010100" + "40020602010000FDEA"
            + "4003040A000001" + "100A02";
    /** Withdrawal of 10.2.0.0/16: withdrawn routes length 3, no attributes. */
    private static final String WITHDRAW_10_2 = MARKER + "001A02" + "0003" + "100A02" + "0000";

    private static SimulatedEngine established() throws Exception {
        SimulatedEngine e = new SimulatedEngine(CONFIG);
        e.establish("10.0.0.2", 65002, "0A000002", OPERATIONAL_CAP);
        e.establish("10.0.0.3", 65003, "0A000003", "");
        return e;
    }

    /**
     * Issue 5 acceptance: each malformed form is answered {@code error}, nothing reaches either peer, and the program
     * keeps being served (a valid command afterwards is answered {@code done}).
     */
    static final List<String> MALFORMED = List.of(
            "",
            "frobnicate the widgets",
            "announce",
            "announce route",
            "announce route 10.0.0.0/24",
            "announce route 10.0.0.0/33 next-hop 1.1.1.1",
            "announce route 300.0.0.0/24 next-hop 1.1.1.1",
            "announce route 10.0.0.0/24 next-hop banana",
            "announce route 10.0.0.0/24 next-hop 1.1.1.1 med",
            "announce route 10.0.0.0/24 next-hop 1.1.1.1 med x",
            "announce route 10.0.0.0/24 next-hop 1.1.1.1 origin sideways",
            "announce route 10.0.0.0/24 next-hop 1.1.1.1 community [65001:1,65001:2]",
            "announce route 10.0.0.0/24 next-hop 1.1.1.1 as-path [ 1 2 ( 3 4 ) ]",
            "announce route 10.0.0.0/24 next-hop 1.1.1.1 local-preference -1",
            "announce route 10.0.0.0/24 next-hop 1.1.1.1 # a trailing comment",
            "announce route 10.0.0.0/24 next-hop 1.1.1.1 colour blue",
            "neighbor 10.0.0.9 announce route 10.0.0.0/24 next-hop 1.1.1.1",
            "neighbor 10.0.0.2 router-id 9.9.9.9 announce route 10.0.0.0/24 next-hop 1.1.1.1",
            "neighbor 10.0.0 announce route 10.0.0.0/24 next-hop 1.1.1.1",
            "neighbor 10.0.0.22 announce route 10.0.0.0/24 next-hop 1.1.1.1",
            "neighbor 0.0.2 announce route 10.0.0.0/24 next-hop 1.1.1.1",
            "local-as 65001 announce route 10.0.0.0/24 next-hop 1.1.1.1",
            "neighbor 10.0.0.2 colour blue announce route 10.0.0.0/24 next-hop 1.1.1.1",
            "announce eor ipv4 banana",
            "announce eor ipv4",
            "announce eor ipv4 unicast extra",
            "announce route-refresh",
            "announce route-refresh ipv4 banana",
            "announce route-refresh ipv4",
            "neighbor 10.0.0.2 teardown",
            "neighbor 10.0.0.2 teardown x",
            "neighbor 10.0.0.2 teardown 256",
            "announce operational",
            "announce operational xyz afi ipv4 safi unicast",
            "announce operational asm afi ipv4 safi unicast",
            "announce operational rpcq afi ipv4 safi unicast",
            "announce operational rpcp afi ipv4 safi unicast sequence 1",
            "announce operational rpcq afi ipv4 safi unicast sequence 99999999999",
            "announce operational rpcq afi ipv4 safi unicast sequence 1 router-id 2001::1",
            "announce operational asm afi ipv4 safi banana advisory x",
            "announce operational asm afi ipv4 advisory x",
            "show neighbor bogus",
            "show adj-rib in bogus",
            "show adj-rib-in",
            "withdraw route",
            "withdraw route 10.0.0.0/40",
            "announce attributes next-hop 1.1.1.1 nlri",
            "announce attributes next-hop 1.1.1.1 nlri banana",
            "announce ipv4 banana 10.0.0.0/24 next-hop 1.1.1.1",
            "neighbor 10.0.0.9 clear adj-rib out",
            "neighbor 10.0.0.9 flush adj-rib out",
            "\u0000line too long",
            "\u00ff\u00fe\u0001\u0002 binary \u0007 garbage");

    @Test
    void everyMalformedCommandIsAnsweredErrorAndNothingIsSent() throws Exception {
        assertThat(MALFORMED).hasSizeGreaterThanOrEqualTo(40);
        SimulatedEngine e = established();
        int two = e.sent("10.0.0.2").size(), three = e.sent("10.0.0.3").size();
        for (String command : MALFORMED) {
            int before = e.told("ctl").size();
            e.command("ctl", command);
            e.turns(3);
            assertThat(e.told("ctl", before)).as("answer to '%s'", command).containsExactly("error");
            assertThat(e.sent("10.0.0.2")).as("wire after '%s'", command).hasSize(two);
            assertThat(e.sent("10.0.0.3")).as("wire after '%s'", command).hasSize(three);
        }
        int before = e.told("ctl").size();
        e.command("ctl", "neighbor 10.0.0.2 announce route 10.2.0.0/16 next-hop 10.0.0.1");
        e.turns(2);
        assertThat(e.told("ctl", before)).containsExactly("done");
        assertThat(e.sent("10.0.0.2")).hasSize(two + 1);
    }

    /** users.md §2.1: a program that no neighbour names gets error; whole addresses only. */
    @Test
    void unboundProgramGetsError() throws Exception {
        SimulatedEngine e = established();
        e.command("other", "announce route 10.2.0.0/16 next-hop 10.0.0.1", "neighbor * announce route 10.2.0.0/16 "
                + "next-hop 10.0.0.1", "version");
        e.turns(2);
        assertThat(e.told("other")).containsExactly("error", "error", "exabgp 5.0.0", "done");
    }

    /**
     * api.md §2 rule 5: a command whose handler fails ({@code crash}, ExaBGP's test hook, api.md §4.15) is answered
     * {@code error} (ExaBGP answers nothing) and the next commands of the same program are served.
     */
    @Test
    void aHandlerThatFailsIsAnsweredErrorAndTheProgramKeepsBeingServed() throws Exception {
        SimulatedEngine e = established();
        int two = e.sent("10.0.0.2").size();
        e.command("ctl", "crash", "version", "crash", "neighbor 10.0.0.2 announce route 10.2.0.0/16 next-hop 10.0.0.1");
        e.turns(2);
        assertThat(e.told("ctl")).containsExactly("error", "exabgp 5.0.0", "done", "error", "done");
        assertThat(e.sent("10.0.0.2")).hasSize(two + 1);
    }

    @Test
    void showNeighborSummaryCountsUpdates() throws Exception {
        SimulatedEngine e = established();
        e.received("10.0.0.2", UPDATE_10_2);
        e.turns(2);
        int before = e.told("ctl").size();
        e.command("ctl", "show neighbor summary");
        e.turn();
        List<String> out = e.told("ctl", before);
        assertThat(out.getFirst()).isEqualTo("Peer            AS        up/down state       |     #sent     #recvd");
        // %-15s %-7s %9s %-12s %10d %10d: one End-of-RIB sent, one UPDATE received, the clock never moved
        assertThat(out.get(1)).isEqualTo("10.0.0.2        65002     0:00:00 established           1          1");
        assertThat(out.get(2)).isEqualTo("10.0.0.3        65003     0:00:00 established           1          0");
        assertThat(out.getLast()).isEqualTo("done");
        before = e.told("ctl").size();
        e.command("ctl", "show neighbor");
        e.turn();
        assertThat(e.told("ctl", before)).containsExactly("please specify summary, extensive or configuration",
                "you can filter by peer ip address adding it after the word neighbor", "done");
    }

    @Test
    void showNeighborFilterIsAWholeAddress() throws Exception {
        SimulatedEngine e = established();
        int before = e.told("ctl").size();
        e.command("ctl", "show neighbor summary 10.0.0.3", "show neighbor summary 10.0.0.33");
        e.turn();
        List<String> out = e.told("ctl", before);
        assertThat(out).hasSize(5);
        assertThat(out.get(1)).startsWith("10.0.0.3 ");
        assertThat(out.get(2)).isEqualTo("done");
        assertThat(out.get(3)).startsWith("Peer ");
        assertThat(out.get(4)).isEqualTo("done");
    }

    @Test
    void showNeighborJsonAndExtensive() throws Exception {
        SimulatedEngine e = established();
        int before = e.told("ctl").size();
        e.command("ctl", "show neighbor json 10.0.0.2");
        e.turn();
        List<String> out = e.told("ctl", before);
        assertThat(out).hasSize(2);
        Object array = StrictJson.parse(out.getFirst());
        assertThat(array).isInstanceOf(List.class);
        assertThat((List<?>) array).hasSize(1);
        Object peer = ((List<?>) array).getFirst();
        assertThat(StrictJson.text(peer, "/state")).isEqualTo("up");
        assertThat(StrictJson.text(peer, "/fsm")).isEqualTo("ESTABLISHED");
        assertThat(StrictJson.text(peer, "/peer/as")).isEqualTo("65002");
        assertThat(StrictJson.text(peer, "/peer/id")).isEqualTo("10.0.0.2");
        assertThat(StrictJson.text(peer, "/local/hold")).isEqualTo("90");
        assertThat(StrictJson.text(peer, "/messages/sent/open")).isEqualTo("1");
        assertThat(StrictJson.text(peer, "/messages/received/keepalive")).isEqualTo("1");
        assertThat(StrictJson.text(peer, "/families/0")).isEqualTo("ipv4 unicast");
        assertThat(StrictJson.text(peer, "/add-path/ipv4 unicast")).isEqualTo("disabled");
        before = e.told("ctl").size();
        e.command("ctl", "show neighbor extensive 10.0.0.2");
        e.turn();
        out = e.told("ctl", before);
        assertThat(out.getFirst()).isEqualTo("Neighbor 10.0.0.2");
        assertThat(out).contains("   state                    ESTABLISHED",
                "   AS                             65001           65002",
                "   ID                          10.0.0.1        10.0.0.2",
                "   operational:                 enabled         enabled",
                "   ipv4 unicast:                enabled         enabled        disabled",
                "   open:                              1               1");
        assertThat(out.getLast()).isEqualTo("done");
    }

    /** runtime.md §9: announce stores, withdraw removes, a new session starts empty. */
    @Test
    void adjRibInFollowsWhatThePeerSends() throws Exception {
        SimulatedEngine e = established();
        e.received("10.0.0.2", UPDATE_10_2);
        e.turns(2);
        int before = e.told("ctl").size();
        e.command("ctl", "show adj-rib in", "show adj-rib in extensive 10.0.0.2", "show adj-rib in 10.0.0.3",
                "show adj-rib in flow", "show adj-rib in json");
        e.turn();
        List<String> out = e.told("ctl", before);
        String name = "neighbor 10.0.0.2 local-ip 10.0.0.1 local-as 65001 peer-as 65002 router-id 10.0.0.1"
                + " family-allowed in-open";
        assertThat(out.subList(0, 7)).containsExactly(
                "10.0.0.2 ipv4 unicast 10.2.0.0/16 next-hop 10.0.0.1", "done",
                name + " ipv4 unicast 10.2.0.0/16 next-hop 10.0.0.1 origin igp as-path ( 65002 )", "done",
                "done", "done", out.get(6));
        // json.md J9: one object per line, a strict parser takes it
        Object line = StrictJson.parse(out.get(6));
        assertThat(StrictJson.text(line, "/10.0.0.2/routes/0/prefix")).isEqualTo("10.2.0.0/16");
        assertThat(StrictJson.text(line, "/10.0.0.2/routes/0/family")).isEqualTo("ipv4 unicast");
        assertThat(StrictJson.text(line, "/10.0.0.2/routes/0/next-hop")).isEqualTo("10.0.0.1");
        assertThat(out.getLast()).isEqualTo("done");

        e.received("10.0.0.2", WITHDRAW_10_2);
        e.turns(2);
        before = e.told("ctl").size();
        e.command("ctl", "show adj-rib in");
        e.turn();
        assertThat(e.told("ctl", before)).containsExactly("done");
    }

    @Test
    void adjRibOutAndClearIn() throws Exception {
        SimulatedEngine e = established();
        e.received("10.0.0.2", UPDATE_10_2);
        e.command("ctl", "neighbor 10.0.0.3 announce route 10.9.0.0/24 next-hop 10.0.0.1 med 5");
        e.turns(2);
        int before = e.told("ctl").size();
        e.command("ctl", "show adj-rib out", "show adj-rib out extensive", "neighbor 10.0.0.2 clear adj-rib in",
                "show adj-rib in");
        e.turn();
        List<String> out = e.told("ctl", before);
        assertThat(out).containsExactly("10.0.0.3 ipv4 unicast 10.9.0.0/24 next-hop 10.0.0.1", "done",
                "neighbor 10.0.0.3 local-ip 10.0.0.1 local-as 65001 peer-as 65003 router-id 10.0.0.1 family-allowed"
                        + " in-open ipv4 unicast 10.9.0.0/24 next-hop 10.0.0.1 med 5", "done", "done", "done");
    }

    /**
     * api.md §4.8 / wire.md §11: sent only to a peer with capability operational; selectors work. ASM advisory
     * "up" for ipv4 unicast: type 2, length 5, AFI 1, SAFI 1, "up".
     */
    @Test
    void operationalGoesOnlyWhereAllowed() throws Exception {
        SimulatedEngine e = established();
        int two = e.sent("10.0.0.2").size(), three = e.sent("10.0.0.3").size();
        e.command("ctl", "announce operational asm afi ipv4 safi unicast advisory up",
                "neighbor 10.0.0.2 announce operational rpcp afi ipv4 safi unicast sequence 7 counter 99");
        e.turns(2);
        assertThat(e.told("ctl").subList(e.told("ctl").size() - 2, e.told("ctl").size()))
                .containsExactly("done", "done");
        assertThat(e.sent("10.0.0.2").subList(two, e.sent("10.0.0.2").size())).containsExactly(
                MARKER + "001C06" + "0002" + "0005" + "0001" + "01" + "7570",
                // RPCP: router-id defaults to ours (10.0.0.1), sequence 7, counter 99
                MARKER + "002606" + "0004" + "000F" + "0001" + "01" + "0A000001" + "00000007" + "00000063");
        assertThat(e.sent("10.0.0.3")).hasSize(three);
    }

    /** api.md §4.8: an ASM advisory is remembered per family and sent again after the session comes back. */
    @Test
    void staticAdvisoryIsResentAfterReconnect() throws Exception {
        SimulatedEngine e = established();
        e.command("ctl", "neighbor 10.0.0.2 announce operational asm afi ipv4 safi unicast advisory up");
        e.turns(2);
        String asm = MARKER + "001C06" + "000200050001017570";
        assertThat(e.sent("10.0.0.2")).contains(asm);
        e.reactor.closed(e.conn("10.0.0.2"), "peer reset");
        for (int i = 0; i < 200 && e.wire.size() < 3; i++) { // the retry timer opens a new connection
            e.now += 1_000_000_000L;
            e.turn();
        }
        assertThat(e.wire).as("a new connection was opened").hasSize(3);
        e.establish("10.0.0.2", 65002, "0A000002", OPERATIONAL_CAP);
        assertThat(e.sent("10.0.0.2")).contains(asm);
    }

    @Test
    void helpListsCommandsWithSelectors() throws Exception {
        SimulatedEngine e = new SimulatedEngine(CONFIG);
        e.command("ctl", "help", "help json");
        e.turn();
        List<String> out = e.told("ctl");
        assertThat(out.get(1)).isEqualTo("available API commands are listed here:");
        assertThat(out).contains("[neighbor <ip> [filters]] announce route", "version", "shutdown",
                "show neighbor [ summary | extensive | configuration ] [ json ] [ <ip> ]", // trailing space stripped by the engine
                "delete neighbor <ip> [filters]"); // docs/neighbors.md
        assertThat(out).anyMatch(l -> l.startsWith("create neighbor <ip> [ { <neighbor section> } | local-address"));
        // sorted, with the neighbour commands in their place
        assertThat(out.indexOf("crash")).isLessThan(out.indexOf("delete neighbor <ip> [filters]"));
        assertThat(out.indexOf("delete neighbor <ip> [filters]")).isLessThan(out.indexOf("disable-ack"));
        // api.md §2 rule 3: "json" on a command without a JSON form runs the text handler (ExaBGP dies here)
        assertThat(out.stream().filter("done"::equals).count()).isEqualTo(2);
    }

    /** ARCHITECTURE §8: the engine learns how much of each program's output was executed, to bound read-ahead. */
    @Test
    void executedCommandsAreReportedToTheEngine() throws Exception {
        SimulatedEngine e = new SimulatedEngine(CONFIG);
        e.command("ctl", "version", "# hello");
        e.turn();
        assertThat(e.taken.get("ctl")).isEqualTo("version".length() + 1 + "# hello".length() + 1);
    }
}
