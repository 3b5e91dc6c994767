package org.jexabgp.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Incoming connections over loopback in both engines: connection collisions (RFC 4271 §6.8, runtime.md §8), range
 * neighbours, unmatched and ambiguous connections (Cease 6/3, 6/5), and neighbours created and deleted by a program
 * (docs/neighbors.md). The daemon listens on 127.0.0.1; the test's connections come from other loopback addresses.
 */
@ParameterizedClass(name = "asyncio={0}")
@ValueSource(booleans = {false, true})
class ConnectionsIT extends EndToEnd {
    ConnectionsIT(boolean asyncio) {
        super(asyncio);
    }

    private Map<String, String> listening(int port) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("exabgp_reactor_asyncio", String.valueOf(asyncio));
        env.put("exabgp_tcp_bind", "127.0.0.1");
        env.put("exabgp_tcp_port", String.valueOf(port));
        return env;
    }

    /** Our neighbour 127.0.0.2 (router-id 10.0.0.1, AS 65001 → 65002) that connects to the test's port. */
    private static String activeNeighbor(int connect) {
        return """
                neighbor 127.0.0.2 {
                    router-id 10.0.0.1;
                    local-address 127.0.0.1;
                    local-as 65001;
                    peer-as 65002;
                    hold-time 30;
                    connect %d;
                    family { ipv4 unicast; }
                }
                """.formatted(connect);
    }

    /**
     * Both sides connect; the daemon's connection reaches OPENSENT, then the peer's OPEN arrives on the peer's own
     * connection. The peer's identifier decides which connection survives; the other gets Cease 6/7 and is closed.
     */
    private void collision(String peerIdentifierHex, boolean peerWins) throws Exception {
        int port = RawBgp.freePort();
        try (ServerSocket server = new ServerSocket(0, 4, InetAddress.getByName("127.0.0.2"))) {
            daemon(listening(port), file("c.conf", activeNeighbor(server.getLocalPort())));
            try (RawBgp ours = RawBgp.accept(server)) {
                assertThat(ours.next().type()).isEqualTo(BgpMessage.OPEN); // the daemon's connection: OPENSENT
                try (RawBgp theirs = Await.until("the daemon listening", () -> {
                    try {
                        return RawBgp.connect("127.0.0.2", port);
                    } catch (java.io.IOException e) {
                        return null;
                    }
                }, c -> c != null, Await.TIMEOUT)) {
                    theirs.send(RawBgp.open(65002, 30, peerIdentifierHex));
                    RawBgp winner = peerWins ? theirs : ours;
                    RawBgp loser = peerWins ? ours : theirs;
                    BgpMessage notification = loser.next();
                    assertThat(notification.notificationCode()).isEqualTo("6/7");
                    assertThat(loser.closedByDaemon()).isTrue();
                    if (peerWins) assertThat(winner.next().type()).isEqualTo(BgpMessage.OPEN);
                    else winner.send(RawBgp.open(65002, 30, peerIdentifierHex));
                    assertThat(winner.next().type()).isEqualTo(BgpMessage.KEEPALIVE);
                    winner.send(BgpMessage.keepalive());
                    assertThat(winner.next().isIpv4Eor()).as("established on the surviving connection").isTrue();
                }
            }
        }
    }

    @Test
    void collisionThePeersHigherIdentifierKeepsThePeersConnection() throws Exception {
        collision("0AFFFFFF", true);
    }

    @Test
    void collisionOurHigherIdentifierKeepsOurConnection() throws Exception {
        collision("01010101", false);
    }

    /**
     * At exit, as during its life, the daemon lingers on a connection it closed: after its Cease and its FIN it still
     * reads what the peer sends (for up to half a second, or until the peer closes), so that the peer's last words are
     * not answered with a reset. A socket closed at once fails the peer's second write.
     */
    @Test
    void atExitTheDaemonStillReadsThePeersLastWords() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 4, InetAddress.getByName("127.0.0.2"))) {
            DaemonProcess daemon = daemon(DaemonProcess.server(asyncio, 179, 0),
                    file("x.conf", activeNeighbor(server.getLocalPort())));
            try (RawBgp peer = RawBgp.accept(server)) {
                assertThat(peer.next().type()).isEqualTo(BgpMessage.OPEN);
                peer.send(RawBgp.open(65002, 30, "0A000002"));
                assertThat(peer.next().type()).isEqualTo(BgpMessage.KEEPALIVE);
                peer.send(BgpMessage.keepalive());
                assertThat(peer.next().isIpv4Eor()).isTrue();
                daemon.signal("TERM");
                assertThat(peer.next().notificationCode()).isEqualTo("6/2");
                assertThat(peer.read()).as("the daemon's FIN after its Cease").isNull();
                for (int i = 0; i < 2; i++) {
                    Thread.sleep(50);
                    peer.send(BgpMessage.keepalive());
                }
            }
            assertThat(daemon.awaitExit(Duration.ofSeconds(5))).as(daemon::log).isZero();
        }
    }

    @Test
    void rangeNeighboursAnswerTheirAddressesAndRefuseTheRest() throws Exception {
        int port = RawBgp.freePort();
        daemon(listening(port), file("r.conf", """
                neighbor 127.0.1.0/24 {
                    router-id 10.0.0.1;
                    local-as 65001;
                    peer-as 65003;
                    hold-time 30;
                    passive;
                    family { ipv4 unicast; }
                }
                neighbor 127.0.3.0/24 {
                    router-id 10.0.0.1;
                    local-as 65001;
                    peer-as 65005;
                    passive;
                    family { ipv4 unicast; }
                }
                neighbor 127.0.3.128/25 {
                    router-id 10.0.0.1;
                    local-as 65001;
                    peer-as 65005;
                    passive;
                    family { ipv4 unicast; }
                }
                """));
        // two peers of the same range, each its own session
        for (String from : List.of("127.0.1.5", "127.0.1.6")) {
            try (RawBgp c = connectWhenListening(from, port)) {
                c.send(RawBgp.open(65003, 30, "0A010105"));
                assertThat(c.next().type()).isEqualTo(BgpMessage.OPEN);
                assertThat(c.next().type()).isEqualTo(BgpMessage.KEEPALIVE);
                c.send(BgpMessage.keepalive());
                assertThat(c.next().isIpv4Eor()).isTrue();
            }
        }
        try (RawBgp c = connectWhenListening("127.0.2.9", port)) {
            assertThat(c.next().notificationCode()).as("no neighbour for that address").isEqualTo("6/3");
        }
        try (RawBgp c = connectWhenListening("127.0.3.200", port)) {
            assertThat(c.next().notificationCode()).as("two ranges match").isEqualTo("6/5");
        }
        // a generated session is forgotten when it ends: the same address may come again
        try (RawBgp c = connectWhenListening("127.0.1.5", port)) {
            c.send(RawBgp.open(65003, 30, "0A010105"));
            assertThat(c.next().type()).isEqualTo(BgpMessage.OPEN);
        }
    }

    private static RawBgp connectWhenListening(String from, int port) {
        return Await.until("the daemon listening on " + port, () -> {
            try {
                return RawBgp.connect(from, port);
            } catch (java.io.IOException e) {
                return null;
            }
        }, c -> c != null, Await.TIMEOUT);
    }

    /**
     * A program creates a neighbour (docs/neighbors.md) in a daemon configured with none, sees it in {@code show
     * neighbor}, reloads (the neighbour stays up), deletes it (Cease 6/3 on the wire), and it is gone.
     */
    @Test
    void aProgramCreatesAndDeletesANeighbour() throws Exception {
        TestPeer peer = peer("127.0.0.3", 65004);
        String create = ("create neighbor 127.0.0.3 { router-id 10.0.0.1; local-address 127.0.0.1; local-as 65001;"
                + " peer-as 65004; hold-time 30; connect %d; family { ipv4 unicast; }"
                + " api { processes [ ctl ]; neighbor-changes; } }").formatted(peer.port());
        Path program = apiProgram("ctl",
                create,
                "wait *\"state\"*\"up\"*",
                "show neighbor summary",
                "reload",
                "show neighbor summary",
                "delete neighbor 127.0.0.3",
                "show neighbor summary",
                "delete neighbor 127.0.0.3");
        Path conf = file("d.conf", """
                process ctl {
                    run %s;
                    encoder json;
                }
                """.formatted(program));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("exabgp_reactor_asyncio", String.valueOf(asyncio));
        daemon(env, conf);
        peer.awaitEndOfRib(Await.TIMEOUT);
        BgpMessage cease = peer.awaitMessage("Cease", m -> m.isNotification(6), Await.TIMEOUT);
        assertThat(cease.notificationCode()).isEqualTo("6/3");
        List<String> seen = Await.until("seven answers", () -> Await.lines(seen("ctl")),
                l -> l.stream().filter(x -> x.equals("done") || x.equals("error")).count() >= 7, Await.TIMEOUT);
        List<String> answers = seen.stream().filter(x -> x.equals("done") || x.equals("error")).toList();
        // create, show, reload, show, delete, show: done; the second delete selects nothing: error
        assertThat(answers).containsExactly("done", "done", "done", "done", "done", "done", "error");
        // listed by the first two summaries (before and after the reload), not by the one after the delete
        List<String> listed = seen.stream().filter(x -> x.contains("127.0.0.3") && !x.startsWith("{")).toList();
        assertThat(listed).hasSize(2);
        assertThat(peer.connections()).as("the reload kept the session").isEqualTo(1);
        peer.awaitClosed(1, Duration.ofSeconds(10));
    }
}
