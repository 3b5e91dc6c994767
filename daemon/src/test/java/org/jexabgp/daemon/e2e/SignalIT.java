package org.jexabgp.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real signals to the daemon's process (runtime.md §4). */
@ParameterizedClass(name = "asyncio={0}")
@ValueSource(booleans = {false, true})
class SignalIT extends EndToEnd {
    SignalIT(boolean asyncio) {
        super(asyncio);
    }

    private Path listeners(TestPeer peer) throws Exception {
        Path json = apiProgram("json");
        Path text = apiProgram("text");
        Path deaf = script("deaf.sh", "#!/bin/sh\nexec sleep 120\n"); // never reads stdin: must be terminated
        return file("term.conf", """
                process json {
                    run %s;
                    encoder json;
                }
                process text {
                    run %s;
                    encoder text;
                }
                process deaf {
                    run %s;
                    encoder text;
                }
                """.formatted(json, text, deaf) + ApiProcessIT.neighbor(peer.port(), "processes [ json text ];"));
    }

    /**
     * SIGTERM (and SIGHUP, SIGINT: same action, runtime.md §4): Cease/Administrative Shutdown to the peer, exit 0.
     */
    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"TERM", "HUP", "INT"})
    void shutdownSignalSendsCeaseThenExitsZero(String signal) throws Exception {
        TestPeer peer = peer("127.0.0.1", 0);
        DaemonProcess daemon = daemon(DaemonProcess.server(asyncio, 179, 0), listeners(peer));
        peer.awaitEndOfRib(Await.TIMEOUT);

        daemon.signal(signal);
        BgpMessage cease = peer.awaitMessage("a NOTIFICATION", m -> m.type() == BgpMessage.NOTIFICATION,
                Await.TIMEOUT);
        assertThat(cease.notificationCode()).isEqualTo("6/2");
        // RFC 9003 §2: the data of 6/2 is a length-prefixed shutdown communication (wire.md §11)
        assertThat(cease.body().u8(2)).isEqualTo(cease.body().length() - 3);
        assertThat(daemon.awaitExit(Duration.ofSeconds(5))).as(daemon::log).isZero();
    }

    /**
     * api.md §1.5, §3.3: every program gets the shutdown notice, then is terminated (SIGTERM, SIGKILL after 2 s),
     * including one that never reads its input.
     */
    @Test
    void shutdownNoticeReachesEveryProgramWhichIsThenStopped() throws Exception {
        TestPeer peer = peer("127.0.0.1", 0);
        DaemonProcess daemon = daemon(DaemonProcess.server(asyncio, 179, 0), listeners(peer));
        peer.awaitEndOfRib(Await.TIMEOUT);
        List<ProcessHandle> programs = Await.until("three programs", daemon::programs, l -> l.size() >= 3,
                Await.TIMEOUT);

        daemon.signal("TERM");
        assertThat(daemon.awaitExit(Duration.ofSeconds(5))).as(daemon::log).isZero();

        // text `shutdown <pid> <ppid>`; json { …, "type": "notification", "notification": "shutdown" }
        long pid = daemon.pid();
        long ppid = ProcessHandle.current().pid();
        assertThat(Await.line(seen("text"), "the text shutdown notice", l -> l.startsWith("shutdown")))
                .contains("shutdown " + pid + " " + ppid);
        String notice = Await.line(seen("json"), "the json shutdown notice", l -> l.contains("\"shutdown\""))
                .stream().filter(l -> l.contains("\"shutdown\"")).findFirst().orElseThrow();
        Object j = Json.parse(notice);
        assertThat(Json.at(j, "type")).isEqualTo("notification");
        assertThat(Json.at(j, "notification")).isEqualTo("shutdown");
        assertThat(Json.at(j, "pid")).isEqualTo(pid);
        assertThat(Json.at(j, "ppid")).isEqualTo(ppid);
        assertThat(Json.at(j, "neighbor")).isNull(); // json.md §5.10: no counter, no neighbor
        assertThat(Json.at(j, "counter")).isNull();
        Await.until("every program stopped", () -> programs.stream().filter(ProcessHandle::isAlive).toList(),
                List::isEmpty, Duration.ofSeconds(5));
        // and checked with the kernel itself: no process of the daemon's left behind
        assertThat(programs).allSatisfy(p -> assertThat(ProcFs.gone(p.pid())).as("/proc/%d", p.pid()).isTrue());
    }

    /**
     * The acceptance of issue 7: SIGTERM with two sessions up stops within 5 s, each peer receives Cease 6/2, and no
     * child process survives (checked in /proc).
     */
    @Test
    void sigtermStopsEverySessionAndEveryChildWithinFiveSeconds() throws Exception {
        TestPeer one = peer("127.0.0.1", 0);
        TestPeer two = peer("127.0.0.2", 0);
        Path json = apiProgram("json");
        Path deaf = script("deaf.sh", "#!/bin/sh\nexec sleep 120\n");
        String second = ApiProcessIT.neighbor(two.port(), "processes [ json ];").replaceFirst("neighbor 127.0.0.1",
                "neighbor 127.0.0.2");
        Path conf = file("two.conf", "process json {\n    run %s;\n    encoder json;\n}\n".formatted(json)
                + "process deaf {\n    run %s;\n    encoder text;\n}\n".formatted(deaf)
                + ApiProcessIT.neighbor(one.port(), "processes [ json ];") + second);
        DaemonProcess daemon = daemon(DaemonProcess.server(asyncio, 179, 0), conf);
        one.awaitEndOfRib(Await.TIMEOUT);
        two.awaitEndOfRib(Await.TIMEOUT);
        List<ProcessHandle> children = Await.until("two programs", daemon::programs, l -> l.size() >= 2,
                Await.TIMEOUT);

        long sent = System.nanoTime();
        daemon.signal("TERM");
        assertThat(daemon.awaitExit(Duration.ofSeconds(5))).as(daemon::log).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(5));
        for (TestPeer p : List.of(one, two))
            assertThat(p.received()).filteredOn(m -> m.type() == BgpMessage.NOTIFICATION)
                    .extracting(BgpMessage::notificationCode).containsExactly("6/2");
        Await.until("no child process left", () -> children.stream().filter(c -> !ProcFs.gone(c.pid())).toList(),
                List::isEmpty, Duration.ofSeconds(5));
    }

    /**
     * SIGUSR2 (runtime.md §4): reload and restart every program — new pids — while the BGP session stays up: the peer
     * sees no NOTIFICATION and no second connection.
     */
    @Test
    void sigusr2RestartsTheProgramsWithoutDroppingTheSession() throws Exception {
        TestPeer peer = peer("127.0.0.1", 0);
        Path json = apiProgram("json");
        Path conf = file("usr2.conf", "process json {\n    run %s;\n    encoder json;\n}\n".formatted(json)
                + ApiProcessIT.neighbor(peer.port(), "processes [ json ];"));
        DaemonProcess daemon = daemon(DaemonProcess.server(asyncio, 179, 0), conf);
        peer.awaitEndOfRib(Await.TIMEOUT);
        List<Long> before = Await.until("the program", () -> pids(daemon), l -> !l.isEmpty(), Await.TIMEOUT);

        daemon.signal("USR2");
        Await.until("a program with a new pid", () -> pids(daemon),
                l -> l.stream().anyMatch(p -> !before.contains(p)), Await.TIMEOUT);
        Await.until("the old program gone", () -> before.stream().filter(p -> !ProcFs.gone(p)).toList(),
                List::isEmpty, Await.TIMEOUT);
        assertThat(daemon.isAlive()).isTrue();
        assertThat(peer.received()).noneMatch(m -> m.type() == BgpMessage.NOTIFICATION);
        assertThat(peer.connections()).isEqualTo(1);
    }

    /**
     * SIGALRM (runtime.md §4): restart — reload, re-establish every session (here with Cease 6/4, Administrative
     * Reset), restart the programs.
     */
    @Test
    void sigalrmReestablishesTheSessionAndRestartsThePrograms() throws Exception {
        TestPeer peer = peer("127.0.0.1", 0);
        Path json = apiProgram("json");
        Path conf = file("alrm.conf", "process json {\n    run %s;\n    encoder json;\n}\n".formatted(json)
                + ApiProcessIT.neighbor(peer.port(), "processes [ json ];"));
        DaemonProcess daemon = daemon(DaemonProcess.server(asyncio, 179, 0), conf);
        peer.awaitEndOfRib(Await.TIMEOUT);
        List<Long> before = Await.until("the program", () -> pids(daemon), l -> !l.isEmpty(), Await.TIMEOUT);

        daemon.signal("ALRM");
        BgpMessage reset = peer.awaitMessage("a NOTIFICATION", m -> m.type() == BgpMessage.NOTIFICATION,
                Await.TIMEOUT);
        assertThat(reset.notificationCode()).isEqualTo("6/4");
        peer.awaitMessage("the End-of-RIB of a new session", 2, BgpMessage::isIpv4Eor, Duration.ofSeconds(20));
        assertThat(peer.connections()).isEqualTo(2);
        Await.until("a program with a new pid", () -> pids(daemon),
                l -> l.stream().anyMatch(p -> !before.contains(p)), Await.TIMEOUT);
        assertThat(daemon.isAlive()).isTrue();
    }

    /** The daemon's programs, by pid (the direct children: a program's own children are not programs). */
    private static List<Long> pids(DaemonProcess daemon) {
        return daemon.programs().stream().filter(p -> p.parent().map(pp -> pp.pid() == daemon.pid()).orElse(false))
                .filter(p -> !ProcFs.gone(p.pid())).map(ProcessHandle::pid).toList();
    }

    /**
     * SIGUSR1 with {@code debug.rotate}: the next file is loaded (config.md §1); the route it lost is withdrawn, the
     * one it gained announced, the one kept is not sent again, and the session stays up.
     */
    @Test
    void sigusr1ReloadsTheNextConfigurationFile() throws Exception {
        TestPeer peer = peer("127.0.0.1", 0);
        String neighbor = ApiProcessIT.neighbor(peer.port(), "").replaceAll("(?s)\\s*api \\{\\s*}", "");
        String routes = "    static {\n        route %s next-hop 1.2.3.4;\n        route %s next-hop 1.2.3.4;\n    }\n}";
        Path one = file("one.conf", neighbor.replaceFirst("}\\s*$", routes.formatted("10.1.0.0/24", "10.2.0.0/24")));
        Path two = file("two.conf", neighbor.replaceFirst("}\\s*$", routes.formatted("10.2.0.0/24", "10.3.0.0/24")));
        Map<String, String> env = DaemonProcess.server(asyncio, 179, 1);
        env.put("exabgp_debug_rotate", "true");
        DaemonProcess daemon = daemon(env, one, two);
        peer.awaitEndOfRib(Await.TIMEOUT);
        int before = peer.updates().size();
        assertThat(peer.updates()).flatMap(BgpMessage::announced).containsExactly("10.1.0.0/24", "10.2.0.0/24");

        daemon.signal("USR1");
        List<BgpMessage> after = Await.until("the withdrawal of 10.1.0.0/24 and the announcement of 10.3.0.0/24",
                () -> peer.updates().subList(before, peer.updates().size()),
                l -> l.stream().anyMatch(m -> m.withdrawn().contains("10.1.0.0/24"))
                        && l.stream().anyMatch(m -> m.announced().contains("10.3.0.0/24")),
                Await.TIMEOUT);
        List<String> withdrawn = new ArrayList<>();
        List<String> announced = new ArrayList<>();
        for (BgpMessage m : after) {
            withdrawn.addAll(m.withdrawn());
            announced.addAll(m.announced());
        }
        assertThat(withdrawn).containsExactly("10.1.0.0/24");
        assertThat(announced).containsExactly("10.3.0.0/24");
        assertThat(peer.received()).noneMatch(m -> m.type() == BgpMessage.NOTIFICATION);
        assertThat(peer.connections()).isEqualTo(1);

        peer.closeConnection();
        assertThat(daemon.awaitExit(Duration.ofSeconds(10))).as(daemon::log).isZero();
    }
}
