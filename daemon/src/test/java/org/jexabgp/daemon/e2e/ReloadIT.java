package org.jexabgp.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reload applies only the differences (issue 4, config.md §1): a removed neighbour gets Cease / Peer De-configured
 * (6/3), a changed one Cease / Other Configuration Change (6/6) and a new session, an unchanged one keeps its session,
 * and an invalid file changes nothing. Files rotate on SIGUSR1 ({@code debug.rotate}).
 */
@ParameterizedClass(name = "asyncio={0}")
@ValueSource(booleans = {false, true})
class ReloadIT extends EndToEnd {
    ReloadIT(boolean asyncio) {
        super(asyncio);
    }

    private static String neighbor(String peer, int port, int holdTime, String... routes) {
        StringBuilder r = new StringBuilder();
        for (String p : routes) r.append("        route ").append(p).append(" next-hop 1.2.3.4;\n");
        return """
                neighbor %s {
                    router-id 10.0.0.1;
                    local-address 127.0.0.1;
                    local-as 65001;
                    peer-as 65001;
                    hold-time %d;
                    connect %d;
                    family {
                        ipv4 unicast;
                    }
                    static {
                %s    }
                }
                """.formatted(peer, holdTime, port, r);
    }

    private DaemonProcess rotating(Path... files) throws Exception {
        Map<String, String> env = DaemonProcess.server(asyncio, 179, 0);
        env.put("exabgp_debug_rotate", "true");
        return daemon(env, files);
    }

    @Test
    void removedNeighborGetsPeerDeconfiguredWhileTheOtherSessionStays() throws Exception {
        TestPeer kept = peer("127.0.0.1", 0);
        TestPeer removed = peer("127.0.0.2", 0);
        String a = neighbor("127.0.0.1", kept.port(), 30, "10.1.0.0/24");
        String b = neighbor("127.0.0.2", removed.port(), 30, "10.2.0.0/24");
        DaemonProcess daemon = rotating(file("one.conf", a + b), file("two.conf", a));
        kept.awaitEndOfRib(Await.TIMEOUT);
        removed.awaitEndOfRib(Await.TIMEOUT);
        int before = kept.received().size();

        daemon.signal("USR1");
        BgpMessage cease = removed.awaitMessage("a NOTIFICATION", m -> m.type() == BgpMessage.NOTIFICATION,
                Await.TIMEOUT);
        assertThat(cease.notificationCode()).as(daemon::log).isEqualTo("6/3");
        assertThat(kept.received().subList(before, kept.received().size()))
                .noneMatch(m -> m.type() == BgpMessage.NOTIFICATION || m.type() == BgpMessage.UPDATE);
        assertThat(kept.connections()).isEqualTo(1);
    }

    @Test
    void changedNeighborGetsOtherConfigurationChangeAndANewSession() throws Exception {
        TestPeer peer = peer("127.0.0.1", 0);
        DaemonProcess daemon = rotating(file("one.conf", neighbor("127.0.0.1", peer.port(), 30, "10.1.0.0/24")),
                file("two.conf", neighbor("127.0.0.1", peer.port(), 60, "10.1.0.0/24")));
        peer.awaitEndOfRib(Await.TIMEOUT);

        daemon.signal("USR1");
        BgpMessage cease = peer.awaitMessage("a NOTIFICATION", m -> m.type() == BgpMessage.NOTIFICATION,
                Await.TIMEOUT);
        assertThat(cease.notificationCode()).as(daemon::log).isEqualTo("6/6");
        Await.until("a second session", peer::connections, n -> n >= 2, Await.TIMEOUT);
        // the new session announces the route again, under the new hold time
        Await.until("the route on the new session",
                () -> peer.updates().stream().filter(m -> m.announced().contains("10.1.0.0/24")).count(),
                n -> n >= 2, Await.TIMEOUT);
    }

    @Test
    void invalidFileChangesNothingAndTheNextValidOneApplies() throws Exception {
        TestPeer peer = peer("127.0.0.1", 0);
        int port = peer.port();
        Path one = file("one.conf", neighbor("127.0.0.1", port, 30, "10.1.0.0/24", "10.2.0.0/24"));
        // parsed completely before anything changes: the valid neighbour before the error must not be applied
        Path broken = file("broken.conf", neighbor("127.0.0.1", port, 30, "10.9.0.0/24") + "neighbor 127.0.0.3 {\n");
        Path three = file("three.conf", neighbor("127.0.0.1", port, 30, "10.2.0.0/24", "10.3.0.0/24"));
        DaemonProcess daemon = rotating(one, broken, three);
        peer.awaitEndOfRib(Await.TIMEOUT);
        int before = peer.updates().size();

        daemon.signal("USR1"); // broken.conf: refused, logged, nothing sent
        Await.until("the reload error in the log", daemon::log, l -> l.contains("reload failed"), Await.TIMEOUT);
        daemon.signal("USR1"); // three.conf: compared with one.conf, the running configuration
        List<BgpMessage> after = Await.until("the changes of three.conf",
                () -> peer.updates().subList(before, peer.updates().size()),
                l -> l.stream().anyMatch(m -> m.announced().contains("10.3.0.0/24")), Await.TIMEOUT);
        List<String> announced = new ArrayList<>();
        List<String> withdrawn = new ArrayList<>();
        for (BgpMessage m : after) {
            announced.addAll(m.announced());
            withdrawn.addAll(m.withdrawn());
        }
        assertThat(announced).doesNotContain("10.9.0.0/24").contains("10.3.0.0/24");
        assertThat(withdrawn).containsExactly("10.1.0.0/24");
        assertThat(peer.received()).noneMatch(m -> m.type() == BgpMessage.NOTIFICATION);
        assertThat(peer.connections()).isEqualTo(1);
    }

    /**
     * users.md §2.1 / issue 5: a reload rebuilds the program↔neighbour map. The program is bound to the first
     * neighbour, then (second file, applied by its own {@code reload}) to the second only: a route it announces
     * afterwards goes to the second neighbour and never to the first.
     */
    @Test
    void reloadRebindsProgramsToTheirNewNeighbours() throws Exception {
        TestPeer first = peer("127.0.0.1", 0);
        TestPeer second = peer("127.0.0.2", 0);
        Path program = apiProgram("driver",
                "wait *\"state\"*\"up\"*",
                "announce route 10.4.0.0/24 next-hop 1.2.3.4",
                "reload",
                "announce route 10.5.0.0/24 next-hop 1.2.3.4");
        String process = "process driver {\n    run %s;\n    encoder json;\n}\n".formatted(program);
        String a = neighbor("127.0.0.1", first.port(), 30);
        String b = neighbor("127.0.0.2", second.port(), 30);
        String bound = "    api {\n        processes [ driver ];\n        neighbor-changes;\n    }\n}\n";
        Path one = file("one.conf", process + withApi(a, bound) + b);
        Path two = file("two.conf", process + a + withApi(b, bound));
        DaemonProcess daemon = rotating(one, two);

        Await.until("the first route at the first neighbour",
                () -> first.updates().stream().anyMatch(m -> m.announced().contains("10.4.0.0/24")), ok -> ok,
                Await.TIMEOUT);
        Await.until("the second route at the second neighbour",
                () -> second.updates().stream().anyMatch(m -> m.announced().contains("10.5.0.0/24")), ok -> ok,
                Await.TIMEOUT);
        List<String> answers = Await.lines(seen("driver")).stream()
                .filter(l -> l.equals("done") || l.equals("error")).toList();
        assertThat(answers).as(daemon::log).containsExactly("done", "done", "done");
        assertThat(first.updates()).noneMatch(m -> m.announced().contains("10.5.0.0/24"));
        assertThat(second.updates()).noneMatch(m -> m.announced().contains("10.4.0.0/24"));
    }

    /** The neighbour section with an api block in place of its closing brace. */
    private static String withApi(String neighbor, String api) {
        int end = neighbor.stripTrailing().lastIndexOf('}');
        return neighbor.substring(0, end) + api;
    }
}
