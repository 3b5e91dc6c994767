package org.jexabgp.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/** What the daemon does with bad input from programs, peers and configuration files. */
@ParameterizedClass(name = "asyncio={0}")
@ValueSource(booleans = {false, true})
class BadInputIT extends EndToEnd {
    BadInputIT(boolean asyncio) {
        super(asyncio);
    }

    private Path driverConf(TestPeer peer, Path program, String api, int holdTime) throws Exception {
        return file("bad.conf", """
                process driver {
                    run %s;
                    encoder json;
                }
                """.formatted(program) + ApiProcessIT.neighbor(peer.port(), api, holdTime));
    }

    /** api.md §2 rule 4: no command matches → {@code error}; the program can carry on. */
    @Test
    void unknownCommandGetsErrorAndTheNextOneDone() throws Exception {
        TestPeer peer = peer("127.0.0.1", 0);
        Path program = apiProgram("driver",
                "wait *\"state\"*\"up\"*",
                "frobnicate the widgets",
                "announce route 10.0.0.0/24 next-hop 1.2.3.4");
        DaemonProcess daemon = daemon(DaemonProcess.server(asyncio, 179, 1),
                driverConf(peer, program, "processes [ driver ];\nneighbor-changes;", 30));

        peer.awaitMessage("the announcement", m -> m.hex().equals(ApiProcessIT.ANNOUNCE), Await.TIMEOUT);
        List<String> answers = Await.until("two answers", () -> Await.lines(seen("driver")).stream()
                .filter(l -> l.equals("done") || l.equals("error")).toList(), l -> l.size() >= 2, Await.TIMEOUT);
        assertThat(answers).containsExactly("error", "done");

        peer.closeConnection();
        assertThat(daemon.awaitExit(Duration.ofSeconds(10))).as(daemon::log).isZero();
    }

    /**
     * An attribute whose length runs past the end of the message cannot be skipped: UPDATE Message Error (RFC 4271
     * §6.3, RFC 7606 §4) and that session closes — a second neighbour is not disturbed and still gets API routes.
     */
    @Test
    void malformedUpdateResetsOnlyThatSession() throws Exception {
        TestPeer first = peer("127.0.0.1", 0);
        TestPeer second = peer("127.0.0.2", 0);
        Path program = apiProgram("driver",
                "wait *\"state\"*\"down\"*",
                "announce route 10.0.0.0/24 next-hop 1.2.3.4");
        Path conf = file("two.conf", """
                process driver {
                    run %s;
                    encoder json;
                }
                """.formatted(program) + ApiProcessIT.neighbor(first.port(), """
                processes [ driver ];
                neighbor-changes;
                """) + ApiProcessIT.neighbor(second.port(), "processes [ driver ];\nneighbor-changes;")
                .replace("neighbor 127.0.0.1 {", "neighbor 127.0.0.2 {"));
        DaemonProcess daemon = daemon(DaemonProcess.server(asyncio, 179, 1), conf);
        first.awaitEndOfRib(Await.TIMEOUT);
        second.awaitEndOfRib(Await.TIMEOUT);

        first.sendHex(BgpMessage.MARKER + "001F" + "02" // 31 bytes, UPDATE
                + "0000" // no withdrawn routes
                + "0008" // 8 bytes of attributes, which the message does hold, but:
                + "40010100" // ORIGIN IGP
                + "4002FF" + "02"); // AS_PATH claiming 255 bytes, one left
        BgpMessage notification = first.awaitMessage("a NOTIFICATION", m -> m.type() == BgpMessage.NOTIFICATION,
                Await.TIMEOUT);
        assertThat(notification.isNotification(3)).as(notification::toString).isTrue();
        first.awaitClosed(1, Await.TIMEOUT);

        second.awaitMessage("the announcement", m -> m.hex().equals(ApiProcessIT.ANNOUNCE), Await.TIMEOUT);
        assertThat(second.received()).noneMatch(m -> m.type() == BgpMessage.NOTIFICATION);
        assertThat(Await.line(seen("driver"), "the answer", l -> l.equals("done") || l.equals("error")))
                .contains("done").doesNotContain("error");
        assertThat(daemon.isAlive()).isTrue();
        assertThat(first.connections()).isEqualTo(1); // exabgp_tcp_connections=1: no retry

        second.closeConnection();
        assertThat(daemon.awaitExit(Duration.ofSeconds(10))).as(daemon::log).isZero();
    }

    /**
     * An ORIGIN value other than 0..2 is an attribute error handled by treat-as-withdraw (RFC 7606 §7.1): the session
     * stays up, the program sees the NLRI withdrawn (json.md §5.3), keepalives keep flowing.
     */
    @Test
    void invalidOriginIsTreatedAsWithdraw() throws Exception {
        TestPeer peer = peer("127.0.0.1", 0);
        Path program = apiProgram("driver");
        Path conf = driverConf(peer, program, """
                processes [ driver ];
                receive {
                    parsed;
                    update;
                }
                """, 3); // hold time 3: a KEEPALIVE every second
        DaemonProcess daemon = daemon(DaemonProcess.server(asyncio, 179, 1), conf);
        peer.awaitEndOfRib(Await.TIMEOUT);

        String attributes = "400200" + "400304C0000201" + "40050400000064"; // AS_PATH empty, NEXT_HOP, LOCAL_PREF 100
        peer.send(BgpMessage.of(BgpMessage.UPDATE, "0000" + "0015" + "40010100" + attributes + "18C63364"));
        Await.line(seen("driver"), "the announcement", l -> l.contains("\"announce\"") && l.contains("198.51.100"));
        peer.send(BgpMessage.of(BgpMessage.UPDATE, "0000" + "0015" + "40010105" + attributes + "18C63364"));
        List<String> lines = Await.line(seen("driver"), "the withdrawal",
                l -> l.contains("\"withdraw\"") && l.contains("198.51.100"));
        Object withdraw = Json.parse(lines.stream().filter(l -> l.contains("\"withdraw\"")).findFirst().orElseThrow());
        assertThat(Json.at(withdraw, "neighbor", "message", "update", "withdraw"))
                .isEqualTo(Map.of("ipv4 unicast", List.of(Map.of("nlri", "198.51.100.0/24"))));

        int keepalives = (int) peer.received().stream().filter(m -> m.type() == BgpMessage.KEEPALIVE).count();
        peer.awaitMessage("a later KEEPALIVE", keepalives + 2, m -> m.type() == BgpMessage.KEEPALIVE,
                Duration.ofSeconds(5));
        assertThat(peer.received()).noneMatch(m -> m.type() == BgpMessage.NOTIFICATION);
        assertThat(peer.connections()).isEqualTo(1);
        assertThat(daemon.isAlive()).isTrue();

        peer.closeConnection();
        assertThat(daemon.awaitExit(Duration.ofSeconds(10))).as(daemon::log).isZero();
    }

    /** A configuration error stops the daemon before anything starts, saying where (config.md §3). */
    @Test
    void configurationErrorExitsNonZeroWithFileLineColumn() throws Exception {
        Path conf = file("broken.conf", """
                neighbor 127.0.0.1 {
                    router-id 1.2.3.4;
                    local-as 65000;
                    peer-as x;
                }
                """);
        DaemonProcess.Finished run = DaemonProcess.run(dir, DaemonProcess.server(asyncio, 179, 1),
                Duration.ofSeconds(20), conf.toString());
        assertThat(run.exit()).as(run::toString).isNotZero();
        // line 4, column 13: the "x" after four blanks and "peer-as "
        assertThat(run.stderr()).as(run::toString).contains(conf + ":4:13:");
    }

    /** {@code exabgp validate} of a good configuration: exit 0 (runtime.md §1). */
    @Test
    void validateGoodConfigurationExitsZero() throws Exception {
        Path conf = file("good.conf", """
                neighbor 127.0.0.1 {
                    router-id 1.2.3.4;
                    local-as 65000;
                    peer-as 65001;
                    family {
                        ipv4 unicast;
                    }
                    static {
                        route 10.0.0.0/24 next-hop 1.2.3.4;
                    }
                }
                """);
        DaemonProcess.Finished run = DaemonProcess.run(dir, Map.of("exabgp_reactor_asyncio", String.valueOf(asyncio)),
                Duration.ofSeconds(20), "validate", conf.toString());
        assertThat(run.exit()).as(run::toString).isZero();
        assertThat(run.stdout()).contains("ok").contains("1 neighbor");
    }

    /**
     * An IPv4 route with an IPv6 next hop and no extended next-hop: accepted (ExaBGP sends it in MP_REACH, functional
     * ipv4-nexthop-ipv6), with a warning on stderr and exit 0.
     */
    @Test
    void validateWarnsOfAnIpv6NextHopWithoutExtendedNextHop() throws Exception {
        Path conf = file("nexthop.conf", """
                neighbor 127.0.0.1 {
                    router-id 1.2.3.4;
                    local-as 65000;
                    peer-as 65001;
                    family {
                        ipv4 unicast;
                    }
                    static {
                        route 10.0.0.0/24 next-hop 2001:db8::1;
                    }
                }
                """);
        DaemonProcess.Finished run = DaemonProcess.run(dir, Map.of("exabgp_reactor_asyncio", String.valueOf(asyncio)),
                Duration.ofSeconds(20), "validate", conf.toString());
        assertThat(run.exit()).as(run::toString).isZero();
        assertThat(run.stdout()).contains("ok").contains("1 neighbor");
        assertThat(run.stderr()).as(run::toString)
                .contains("warning: neighbor 127.0.0.1")
                .contains("route 10.0.0.0/24 has the IPv6 next-hop 2001:db8::1");
    }
}
