package org.jexabgp.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every command of api.md §4 sent by a real program to a real daemon, its answer (api.md §3) and, where it has one,
 * its effect on the wire. {@link ApiCoverageTest} checks that each command is named by some end-to-end test.
 */
@ParameterizedClass(name = "asyncio={0}")
@ValueSource(booleans = {false, true})
class ApiCommandsIT extends EndToEnd {
    ApiCommandsIT(boolean asyncio) {
        super(asyncio);
    }

    /** 10.9.0.0/24 withdrawn (classic Withdrawn Routes field, RFC 4271 §4.3). */
    private static final String WITHDRAWN_10_9 = "0004180A0900";

    /**
     * One program, one session, the commands in a row; the answers come back in order (api.md §3.1) and the peer sees
     * what each command asked for.
     */
    @Test
    void everyCommandIsAnsweredAndActs() throws Exception {
        TestPeer peer = peer("127.0.0.1", 0);
        Path program = apiProgram("driver",
                "wait *\"state\"*\"up\"*",
                "# a comment: done",
                "nowait debug to the log, no answer",
                "version",
                "help",
                "announce route 10.0.0.0/24 next-hop 1.2.3.4",
                "announce ipv4 unicast 10.0.1.0/24 next-hop 1.2.3.4",
                "withdraw ipv4 unicast 10.0.1.0/24 next-hop 1.2.3.4",
                "announce attributes next-hop 1.2.3.4 med 7 nlri 10.0.2.0/24 10.0.3.0/24",
                "withdraw attributes next-hop 1.2.3.4 nlri 10.0.3.0/24",
                "announce attribute next-hop 1.2.3.4 nlri 10.0.4.0/24",
                "withdraw attribute next-hop 1.2.3.4 nlri 10.0.4.0/24",
                "announce ipv6 unicast 2001:db8::/32 next-hop 2001:db8::1",
                "withdraw ipv6 unicast 2001:db8::/32 next-hop 2001:db8::1",
                "announce flow route destination 192.0.2.0/24 discard",
                "withdraw flow route destination 192.0.2.0/24",
                "announce vpls endpoint 5 base 10702 offset 1 size 8 rd 192.168.201.1:123 next-hop 192.168.201.1",
                "withdraw vpls endpoint 5 base 10702 offset 1 size 8 rd 192.168.201.1:123 next-hop 192.168.201.1",
                "announce eor",
                "announce eor ipv4 unicast",
                "announce route-refresh ipv4 unicast",
                "announce operational asm afi ipv4 safi unicast advisory maintenance",
                "withdraw watchdog dog",
                "announce watchdog dog",
                "show neighbor summary",
                "show adj-rib out",
                "show adj-rib in",
                "flush adj-rib out",
                "clear adj-rib in",
                "disable-ack",
                "nowait version",
                "enable-ack",
                "nowait silence-ack",
                "nowait reset",
                "enable-ack",
                "crash",
                "version",
                "withdraw route 10.0.0.0/24 next-hop 1.2.3.4",
                "clear adj-rib out",
                "reload",
                "neighbor 127.0.0.1 teardown 4");
        Path conf = file("commands.conf", """
                process driver {
                    run %s;
                    encoder json;
                }
                """.formatted(program) + ApiProcessIT.neighbor(peer.port(), "processes [ driver ];\nneighbor-changes;")
                .replace("    api {", """
                    capability {
                        route-refresh;
                    }
                    static {
                        route 10.9.0.0/24 next-hop 1.2.3.4 watchdog dog;
                    }
                    api {"""));
        // two connections: the teardown ends the first session, not the daemon
        DaemonProcess daemon = daemon(DaemonProcess.server(asyncio, 179, 2), conf);

        // the last command: Cease / Administrative Reset (api.md §4.10)
        BgpMessage cease = peer.awaitMessage("the teardown", m -> m.type() == BgpMessage.NOTIFICATION, Await.TIMEOUT);
        assertThat(cease.notificationCode()).isEqualTo("6/4");
        List<String> seen = Await.until("the last answer", () -> Await.lines(seen("driver")),
                l -> l.stream().filter(x -> x.equals("done") || x.equals("error")).count() >= 36, Await.TIMEOUT);
        List<String> answers = seen.stream().filter(l -> l.equals("done") || l.equals("error")).toList();
        // 36 commands wait for an answer; crash, the 31st, is the only error: its handler fails (api.md §2 rule 5)
        // and the program is still served. The ipv6 route is accepted and not sent: the family is not configured.
        assertThat(answers).hasSize(36);
        assertThat(answers.subList(0, 30)).containsOnly("done");
        assertThat(answers.get(30)).isEqualTo("error");
        assertThat(answers.subList(31, 36)).containsOnly("done");
        // output before its answer; with disable-ack the output only (api.md §3.2)
        assertThat(seen).filteredOn(l -> l.startsWith("exabgp ")).hasSize(3);
        assertThat(seen).contains("available API commands are listed here:", "reload in progress");
        assertThat(seen).anyMatch(l -> l.startsWith("Peer ") && l.contains("#sent"));
        assertThat(seen).anyMatch(l -> l.contains("10.0.0.0/24 next-hop 1.2.3.4"));

        List<String> wire = peer.updates().stream().map(BgpMessage::hex).toList();
        assertThat(wire).contains(ApiProcessIT.ANNOUNCE); // announce route
        assertThat(wire).anyMatch(h -> h.contains(WITHDRAWN_10_9)); // withdraw watchdog
        assertThat(wire).contains(ApiProcessIT.WITHDRAW); // withdraw route
        // announce attributes: MED 7, LOCAL_PREF, both prefixes in one UPDATE
        assertThat(wire).anyMatch(h -> h.endsWith("80040400000007" + "40050400000064" + "180A0002180A0003"));
        assertThat(peer.updates()).filteredOn(BgpMessage::isIpv4Eor).hasSizeGreaterThanOrEqualTo(3);
        assertThat(daemon.log()).contains("crash");

        Await.until("the session after the teardown", peer::connections, n -> n >= 2, Await.TIMEOUT);
        peer.awaitMessage("the second OPEN", 2, m -> m.type() == BgpMessage.OPEN, Await.TIMEOUT);
        peer.closeConnection();
        assertThat(daemon.awaitExit(Duration.ofSeconds(10))).as(daemon::log).isZero();
    }

    /** {@code restart} (api.md §4.15): re-established session, the program started again. */
    @Test
    void restartStartsTheProgramAgain() throws Exception {
        TestPeer peer = peer("127.0.0.1", 0);
        Path starts = dir.resolve("starts");
        // the first run asks for the restart; the second only counts itself
        Path program = script("restarter.sh", """
                #!/bin/sh
                echo start >> '%s'
                if [ "$(wc -l < '%s')" -eq 1 ]; then
                  while IFS= read -r line; do
                    case "$line" in *'"up"'*) printf '%s\\n' ;; esac
                  done
                fi
                while IFS= read -r line; do :; done
                """.formatted(starts, starts, "restart"));
        Path conf = file("restart.conf", """
                process restarter {
                    run %s;
                    encoder json;
                }
                """.formatted(program)
                + ApiProcessIT.neighbor(peer.port(), "processes [ restarter ];\nneighbor-changes;"));
        DaemonProcess daemon = daemon(DaemonProcess.server(asyncio, 179, 2), conf);

        Await.until("the second start", () -> Await.lines(starts), l -> l.size() >= 2, Await.TIMEOUT);
        peer.awaitClosed(1, Await.TIMEOUT);
        Await.until("the second session", peer::connections, n -> n >= 2, Await.TIMEOUT);
        assertThat(daemon.isAlive()).isTrue();
        peer.awaitEndOfRib(Await.TIMEOUT);
        peer.closeConnection();
        assertThat(daemon.awaitExit(Duration.ofSeconds(10))).as(daemon::log).isZero();
    }

    /**
     * Issue 5: malformed commands (a sample of the reactor's table, ApiCommandsTest.MALFORMED) each get {@code error}
     * from a real daemon, nothing of them reaches the peer, and the program is served on: its valid command after
     * them is answered {@code done} and is the only UPDATE the peer sees besides the End-of-RIB.
     */
    @Test
    void malformedCommandsAreAnsweredErrorAndSendNothing() throws Exception {
        TestPeer peer = peer("127.0.0.1", 0);
        List<String> malformed = List.of(
                "frobnicate the widgets",
                "announce route 10.0.0.0/24",
                "announce route 10.0.0.0/33 next-hop 1.1.1.1",
                "announce route 300.0.0.0/24 next-hop 1.1.1.1",
                "announce route 10.0.0.0/24 next-hop banana",
                "announce route 10.0.0.0/24 next-hop 1.1.1.1 med x",
                "announce route 10.0.0.0/24 next-hop 1.1.1.1 origin sideways",
                "announce route 10.0.0.0/24 next-hop 1.1.1.1 as-path [ 1 2 ( 3 4 ) ]",
                "neighbor 10.0.0.9 announce route 10.0.0.0/24 next-hop 1.1.1.1",
                "neighbor 127.0.0 announce route 10.0.0.0/24 next-hop 1.1.1.1",
                "announce eor ipv4 banana",
                "neighbor 127.0.0.1 teardown 256",
                "announce attributes next-hop 1.1.1.1 nlri banana",
                "withdraw route 10.0.0.0/40",
                "show adj-rib in bogus");
        List<String> steps = new java.util.ArrayList<>();
        steps.add("wait *\"state\"*\"up\"*");
        steps.addAll(malformed);
        steps.add("announce route 10.7.0.0/24 next-hop 1.2.3.4");
        Path program = apiProgram("driver", steps.toArray(String[]::new));
        Path conf = file("malformed.conf", """
                process driver {
                    run %s;
                    encoder json;
                }
                """.formatted(program) + ApiProcessIT.neighbor(peer.port(), "processes [ driver ];\nneighbor-changes;"));
        DaemonProcess daemon = daemon(DaemonProcess.server(asyncio, 179, 1), conf);

        Await.until("the valid route", () -> peer.updates().stream()
                .anyMatch(m -> m.announced().contains("10.7.0.0/24")), ok -> ok, Await.TIMEOUT);
        List<String> answers = Await.until("every answer", () -> Await.lines(seen("driver")).stream()
                .filter(l -> l.equals("done") || l.equals("error")).toList(),
                l -> l.size() > malformed.size(), Await.TIMEOUT);
        assertThat(answers.subList(0, malformed.size())).as(daemon::log).containsOnly("error");
        assertThat(answers.get(malformed.size())).isEqualTo("done");
        assertThat(peer.updates()).filteredOn(m -> !m.isIpv4Eor()).hasSize(1);
        assertThat(peer.connections()).isEqualTo(1);
    }
}
