package org.jexabgp.reactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jexabgp.core.fsm.State;
import org.jexabgp.core.session.SessionSettings;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.junit.jupiter.api.Test;

/**
 * Incoming connections in the reactor, with the simulated engine of {@link ReactorTest} and its fake clock: connection
 * collisions (RFC 4271 §6.8), range neighbours and unmatched connections (runtime.md §8), neighbours created and
 * deleted by programs (docs/neighbors.md).
 */
class ConnectionsTest {
    private static final String MARKER = "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF";
    private static final String KEEPALIVE = MARKER + "001304";
    private static final IpAddress LOCAL = IpAddress.parse("10.0.0.1");

    /**
     * One active eBGP neighbour (our router-id 10.0.0.1), two overlapping ranges, one inside the other's /16, and a
     * template for created neighbours.
     */
    private static final String CONFIG = """
            process ctl { run /bin/ctl; encoder json; }
            template {
                neighbor edge {
                    router-id 10.0.0.1;
                    local-address 10.0.0.1;
                    local-as 65001;
                    hold-time 60;
                    family { ipv4 unicast; ipv6 unicast; }
                    api { processes [ ctl ]; neighbor-changes; }
                }
            }
            neighbor 10.0.0.2 {
                router-id 10.0.0.1;
                local-address 10.0.0.1;
                local-as 65001;
                peer-as 65002;
                family { ipv4 unicast; }
                api { processes [ ctl ]; neighbor-changes; }
            }
            neighbor 10.1.0.0/24 {
                router-id 10.0.0.1;
                local-as 65001;
                peer-as 65010;
                passive;
                family { ipv4 unicast; }
                api { processes [ ctl ]; neighbor-changes; }
            }
            neighbor 10.2.0.0/16 {
                router-id 10.0.0.1;
                local-as 65001;
                peer-as 65020;
                passive;
                family { ipv4 unicast; }
            }
            neighbor 10.2.3.0/24 {
                router-id 10.0.0.1;
                local-as 65001;
                peer-as 65020;
                passive;
                family { ipv4 unicast; }
            }
            """;

    private final ReactorTest.Engine e;

    ConnectionsTest() throws Exception {
        e = new ReactorTest.Engine(CONFIG, SessionSettings.DEFAULT);
    }

    /** The NOTIFICATION that starts with this code and subcode, as ExaBGP frames it. */
    private static boolean isNotification(String message, int code, int subcode) {
        return message.startsWith(MARKER) && message.substring(36, 42).equals("03%02X%02X".formatted(code, subcode));
    }

    private ConnKey accept(long id, String remote) {
        ConnKey conn = new ConnKey(id);
        e.reactor.accepted(conn, new Endpoint(LOCAL, 179), new Endpoint(IpAddress.parse(remote), 40000 + (int) -id));
        return conn;
    }

    private void receive(ConnKey conn, String hex) {
        byte[] b = HexFormat.of().parseHex(hex);
        e.reactor.received(conn, b, 0, b.length);
    }

    private List<String> pulled(ConnKey conn) {
        return ReactorTest.split(e.pull(conn));
    }

    private static List<String> types(List<String> messages) {
        List<String> out = new ArrayList<>();
        for (String m : messages) out.add(m.substring(36, 38));
        return out;
    }

    /** Our outgoing connection is up and our OPEN went: OPENSENT. */
    private void outgoingInOpenSent() {
        e.connected("10.0.0.2");
        e.turn();
        assertThat(e.peer("10.0.0.2").session.state()).isEqualTo(State.OPENSENT);
        assertThat(types(e.sent("10.0.0.2"))).containsExactly("01");
    }

    @Test
    void collisionInOpenSentThePeersHigherIdentifierKeepsItsConnection() {
        outgoingInOpenSent();
        ConnKey in = accept(-1, "10.0.0.2");
        e.turn();
        assertThat(pulled(in)).as("nothing is said on a held connection").isEmpty();
        // the peer's OPEN on its own connection: identifier 10.0.0.9 > 10.0.0.1, the peer's connection survives
        receive(in, ReactorTest.peerOpen(65002, "0A000009"));
        e.turn();
        List<String> out = e.sent("10.0.0.2");
        assertThat(isNotification(out.getLast(), 6, 7)).as("6/7 on our connection: %s", out).isTrue();
        assertThat(e.log).contains("close 1");
        e.turn();
        assertThat(types(pulled(in))).containsExactly("01", "04");
        receive(in, KEEPALIVE);
        e.turns(2);
        assertThat(e.peer("10.0.0.2").session.state()).isEqualTo(State.ESTABLISHED);
        assertThat(e.peer("10.0.0.2").conn).isEqualTo(in);
        // the connection that lost was never up: the program hears the session come up, never go down
        assertThat(ReactorTest.states(e.toCtl()))
                .containsExactly("10.0.0.2 connected", "10.0.0.2 connected", "10.0.0.2 up");
        // the retry scheduled when our connection lost does not start another one
        e.now += 120 * 1_000_000_000L;
        e.turns(2);
        assertThat(e.log.stream().filter(l -> l.startsWith("connect ")).count()).isEqualTo(1);
    }

    @Test
    void collisionInOpenSentOurHigherIdentifierKeepsOurConnection() {
        outgoingInOpenSent();
        ConnKey in = accept(-1, "10.0.0.2");
        e.turn(); // engines read a new connection only after the turn that saw it accepted
        receive(in, ReactorTest.peerOpen(65002, "01010101"));
        e.turn();
        List<String> refused = pulled(in);
        assertThat(refused).hasSize(1);
        assertThat(isNotification(refused.getFirst(), 6, 7)).isTrue();
        assertThat(e.log).contains("close -1").doesNotContain("close 1");
        // our connection carries on to ESTABLISHED
        e.received("10.0.0.2", ReactorTest.peerOpen(65002, "01010101") + KEEPALIVE);
        e.turns(3);
        assertThat(e.peer("10.0.0.2").session.state()).isEqualTo(State.ESTABLISHED);
        assertThat(e.peer("10.0.0.2").conn).isEqualTo(new ConnKey(1));
    }

    @Test
    void collisionInOpenConfirmIsDecidedAtOnce() {
        outgoingInOpenSent();
        e.received("10.0.0.2", ReactorTest.peerOpen(65002, "0A000009"));
        e.turn();
        assertThat(e.peer("10.0.0.2").session.state()).isEqualTo(State.OPENCONFIRM);
        ConnKey in = accept(-1, "10.0.0.2");
        e.turn();
        assertThat(isNotification(e.sent("10.0.0.2").getLast(), 6, 7)).isTrue();
        receive(in, ReactorTest.peerOpen(65002, "0A000009") + KEEPALIVE);
        e.turns(3);
        assertThat(types(pulled(in))).startsWith("01", "04");
        assertThat(e.peer("10.0.0.2").session.state()).isEqualTo(State.ESTABLISHED);
    }

    /**
     * The frr/mp interop flap: in OPENCONFIRM, the peer's KEEPALIVE (which makes the session established) arrived on
     * our connection before the peer's second connection, but both reach the reactor in the same turn. The peer is
     * established on our connection and refuses its own second one; so must we, although its identifier is higher.
     */
    @Test
    void aKeepaliveReceivedBeforeTheCollisionCountsFirst() {
        outgoingInOpenSent();
        e.received("10.0.0.2", ReactorTest.peerOpen(65002, "0A000009"));
        e.turn();
        assertThat(e.peer("10.0.0.2").session.state()).isEqualTo(State.OPENCONFIRM);
        e.received("10.0.0.2", KEEPALIVE);
        ConnKey in = accept(-1, "10.0.0.2");
        e.turn();
        assertThat(e.peer("10.0.0.2").session.state()).isEqualTo(State.ESTABLISHED);
        assertThat(e.peer("10.0.0.2").conn).isEqualTo(new ConnKey(1));
        List<String> refused = pulled(in);
        assertThat(refused).hasSize(1);
        assertThat(isNotification(refused.getFirst(), 6, 7)).isTrue();
        assertThat(types(e.sent("10.0.0.2"))).as("no NOTIFICATION on our connection").doesNotContain("03");
    }

    @Test
    void anIncomingConnectionWhileEstablishedIsRefusedWith67() {
        e.establish("10.0.0.2", 65002, "0A000009");
        ConnKey in = accept(-1, "10.0.0.2");
        e.turn();
        List<String> refused = pulled(in);
        assertThat(refused).hasSize(1);
        assertThat(isNotification(refused.getFirst(), 6, 7)).isTrue();
        assertThat(e.peer("10.0.0.2").session.state()).isEqualTo(State.ESTABLISHED);
    }

    @Test
    void anIncomingConnectionBeforeOursIsUpReplacesOurAttempt() {
        ConnKey in = accept(-1, "10.0.0.2");
        e.turn();
        assertThat(e.log).contains("close 1");
        assertThat(types(pulled(in))).containsExactly("01");
    }

    @Test
    void unknownPeerGets63() {
        ConnKey in = accept(-1, "192.0.2.1");
        e.turn();
        List<String> refused = pulled(in);
        assertThat(isNotification(refused.getFirst(), 6, 3)).isTrue();
        assertThat(e.log).contains("close -1");
    }

    @Test
    void aRangeMakesAPeerForTheConnectionAndForgetsItWhenItEnds() {
        ConnKey in = accept(-1, "10.1.0.7");
        e.turn();
        Peer p = e.peer("10.1.0.7");
        assertThat(p.generated).isTrue();
        assertThat(p.neighbor.peerPrefixLength()).isEqualTo(32);
        assertThat(p.neighbor.localAddress()).isEqualTo(LOCAL);
        receive(in, ReactorTest.peerOpen(65010, "0A010007") + KEEPALIVE);
        e.turns(3);
        assertThat(p.session.state()).isEqualTo(State.ESTABLISHED);
        assertThat(ReactorTest.states(e.toCtl())).contains("10.1.0.7 up");
        e.reactor.closed(in, "peer closed");
        e.turn();
        assertThat(e.reactor.peers()).doesNotContain(p);
        assertThat(e.reactor.peers()).hasSize(1);
    }

    @Test
    void twoMatchingRangesGive65() {
        ConnKey in = accept(-1, "10.2.3.4");
        e.turn();
        assertThat(isNotification(pulled(in).getFirst(), 6, 5)).isTrue();
        assertThat(e.reactor.peers()).hasSize(1);
    }

    @Test
    void onlyOneOfTheOverlappingRangesMatchesOutsideTheInnerOne() {
        ConnKey in = accept(-1, "10.2.4.4");
        e.turn();
        assertThat(types(pulled(in))).containsExactly("01");
        assertThat(e.peer("10.2.4.4").neighbor.peerAs()).isEqualTo(65020L);
    }

    @Test
    void programsCreateAndDeleteNeighbours() {
        e.command("create neighbor 10.9.0.1 { router-id 10.0.0.1; local-address 10.0.0.1; local-as 65001; "
                + "peer-as 65090; family { ipv4 unicast; } api { processes [ ctl ]; neighbor-changes; } }");
        e.turn();
        assertThat(e.toCtl()).contains("done");
        assertThat(e.log).contains("connect 2 10.9.0.1:179 from 10.0.0.1:0");
        Peer p = e.peer("10.9.0.1");
        assertThat(p.dynamic).isTrue();
        e.conns.put(2L, IpAddress.parse("10.9.0.1"));
        e.establish("10.9.0.1", 65090, "0A090001");
        assertThat(p.session.state()).isEqualTo(State.ESTABLISHED);
        e.command("show neighbor summary");
        e.turn();
        assertThat(String.join("\n", e.toCtl())).contains("10.9.0.1");
        // a second one for the same address is refused; so is a section the configuration parser refuses
        e.command("create neighbor 10.9.0.1 { router-id 10.0.0.1; local-as 65001; peer-as 65090; }",
                "create neighbor 10.9.0.2 { router-id 10.0.0.1; local-as 65001; peer-as 65090; bogus 1; }");
        e.turn();
        assertThat(e.toCtl().subList(e.toCtl().size() - 2, e.toCtl().size())).containsExactly("error", "error");
        e.command("delete neighbor 10.9.0.1");
        e.turn();
        assertThat(isNotification(e.sent("10.9.0.1").getLast(), 6, 3)).isTrue();
        assertThat(e.reactor.peers()).doesNotContain(p);
        assertThat(e.toCtl().getLast()).isEqualTo("done");
        e.command("delete neighbor 10.9.0.1");
        e.turn();
        assertThat(e.toCtl().getLast()).isEqualTo("error");
    }

    @Test
    void aDeletedNeighboursKeyLeavesTheListeners() {
        e.command("create neighbor 10.9.0.3 { router-id 10.0.0.1; local-address 10.0.0.1; local-as 65001; "
                + "peer-as 65090; md5-password secret; family { ipv4 unicast; } }");
        e.turn();
        assertThat(e.log).contains(
                "protect 10.9.0.3/32 ConnectionOptions[md5Password=secret, outgoingTtl=-1, incomingTtl=-1]");
        assertThat(e.log).doesNotContain("unprotect 10.9.0.3/32");
        e.command("delete neighbor 10.9.0.3");
        e.turn();
        assertThat(e.toCtl().getLast()).isEqualTo("done");
        assertThat(e.log).containsOnlyOnce("unprotect 10.9.0.3/32");
    }

    @Test
    void aNeighbourBackAfterAFailedKeyRemovalIsProtectedAfresh() {
        // the failed removal may have taken the key off some listeners only: its return puts it on them all again
        String create = "create neighbor 10.9.0.7 { router-id 10.0.0.1; local-address 10.0.0.1; local-as 65001; "
                + "peer-as 65090; md5-password seven; family { ipv4 unicast; } }";
        e.command(create);
        e.turn();
        e.io.refuseUnprotect = true;
        e.command("delete neighbor 10.9.0.7");
        e.turn();
        e.io.refuseUnprotect = false;
        e.command(create);
        e.turn();
        assertThat(e.log).containsOnlyOnce("unprotect 10.9.0.7/32");
        assertThat(e.log).filteredOn(l -> l.startsWith("protect 10.9.0.7/32")).hasSize(2);
    }

    @Test
    void aReloadTakingOverOneProgramNeighbourLeavesTheOthersKeys() throws Exception {
        String file = CONFIG + """
                neighbor 10.9.0.5 {
                    router-id 10.0.0.1;
                    local-address 10.0.0.1;
                    local-as 65001;
                    peer-as 65090;
                    md5-password from-file;
                    family { ipv4 unicast; }
                }
                """;
        ReactorTest.Engine r = new ReactorTest.Engine(CONFIG, SessionSettings.DEFAULT, file);
        for (String address : new String[] {"10.9.0.4", "10.9.0.5", "10.9.0.6"}) {
            r.command("create neighbor " + address + " { router-id 10.0.0.1; local-address 10.0.0.1; local-as 65001; "
                    + "peer-as 65090; md5-password created; family { ipv4 unicast; } }");
        }
        r.turn();
        int before = r.log.size();
        r.signal("SIGUSR1");
        r.turns(2);
        // the file's 10.9.0.5 replaces the program's, with its own key; the program's other two keep theirs throughout
        assertThat(r.log.subList(before, r.log.size()))
                .filteredOn(l -> l.startsWith("protect ") || l.startsWith("unprotect "))
                .containsExactly(
                        "protect 10.9.0.5/32 ConnectionOptions[md5Password=from-file, outgoingTtl=-1, incomingTtl=-1]");
    }

    /** docs/neighbors.md: {@code inherit} names a template of the running configuration, as in the file. */
    @Test
    void aCreatedNeighbourInheritsATemplateOfTheConfiguration() {
        e.command("create neighbor 10.9.0.7 { inherit edge; peer-as 65097; }",
                "create neighbor 10.9.0.8 { inherit nosuch; router-id 10.0.0.1; local-as 65001; peer-as 65098; }");
        e.turn();
        assertThat(e.toCtl().subList(e.toCtl().size() - 2, e.toCtl().size())).containsExactly("done", "error");
        assertThat(e.log).contains("connect 2 10.9.0.7:179 from 10.0.0.1:0");
        Peer p = e.peer("10.9.0.7");
        assertThat(p.neighbor.localAs()).isEqualTo(65001L);
        assertThat(p.neighbor.peerAs()).isEqualTo(65097L);
        assertThat(p.neighbor.holdTimeSeconds()).isEqualTo(60);
        assertThat(p.neighbor.families()).containsExactly(Family.IPV4_UNICAST, Family.IPV6_UNICAST);
        assertThat(p.subscriptions.processes()).contains("ctl");
        assertThat(e.reactor.peers()).noneMatch(q -> q.neighbor.peerAddress().equals(IpAddress.parse("10.9.0.8")));
    }

    @Test
    void exaBgpsOneLineCreateFormIsUnderstood() {
        e.command("create neighbor 10.9.0.5 local-address 10.0.0.1 local-as 65001 peer-as 65095 router-id 10.0.0.1"
                + " family-allowed ipv4-unicast/ipv6-unicast api ctl");
        e.turn();
        assertThat(e.toCtl()).contains("done");
        Peer p = e.peer("10.9.0.5");
        assertThat(p.neighbor.families()).hasSize(2);
        assertThat(p.subscriptions.processes()).contains("ctl");
    }
}
