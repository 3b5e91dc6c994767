package org.jexabgp.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/** Programs that die (api.md §1.5): respawn limit, {@code respawn false}, {@code api.terminate}, stderr to the log. */
@ParameterizedClass(name = "asyncio={0}")
@ValueSource(booleans = {false, true})
class ProcessLifecycleIT extends EndToEnd {
    ProcessLifecycleIT(boolean asyncio) {
        super(asyncio);
    }

    /** More than 5 deaths in ~64 s: the daemon stops, with exit code 1 (ExaBGP's 0 is a bug, api.md §1.5). */
    @Test
    void respawnLimitStopsTheDaemonWithExitCode1() throws Exception {
        TestPeer peer = peer("127.0.0.1", 0);
        Path dying = script("dying.sh", "#!/bin/sh\necho 'dying now' >&2\nexit 3\n");
        DaemonProcess daemon = daemon(DaemonProcess.server(asyncio, 179, 1), file("die.conf",
                "process dying { run " + dying + "; encoder text; }\n"
                        + ApiProcessIT.neighbor(peer.port(), "processes [ dying ];")));
        assertThat(daemon.awaitExit(Duration.ofSeconds(30))).as(daemon::log).isEqualTo(1);
        String log = daemon.stdout() + daemon.stderr();
        assertThat(log).contains("Too many death for dying (5)");
        // stderr of a program goes to the log with its name
        assertThat(log).contains("dying stderr: dying now");
    }

    /** A program that dies and is respawned leaves no thread behind (its pipe writer ends with it). */
    @Test
    void respawnedProgramsLeaveNoThreadsBehind() throws Exception {
        TestPeer peer = peer("127.0.0.1", 0);
        Path counter = file("deaths", "");
        // dies three times, then stays (the respawn limit is 5 deaths)
        Path churn = script("churn.sh", """
                #!/bin/sh
                echo x >> %s
                [ "$(wc -l < %s)" -ge 4 ] && exec sleep 600
                exit 1
                """.formatted(counter, counter));
        DaemonProcess daemon = daemon(DaemonProcess.server(asyncio, 179, 1), file("churn.conf",
                "process churn { run " + churn + "; encoder text; }\n"
                        + ApiProcessIT.neighbor(peer.port(), "processes [ churn ];")));
        Await.until("the fourth start", () -> starts(counter), n -> n >= 4, Await.TIMEOUT);
        Await.until("one pipe writer for churn", () -> writers(daemon.pid()), n -> n == 1, Await.TIMEOUT);
        assertThat(daemon.isAlive()).isTrue();
    }

    private static int starts(Path counter) {
        try {
            return java.nio.file.Files.readAllLines(counter).size();
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /** Threads of the daemon whose (Linux) name says they write to a churn program. */
    private static long writers(long pid) {
        try (var tasks = java.nio.file.Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return tasks.filter(t -> {
                        try {
                            return java.nio.file.Files.readString(t.resolve("comm")).startsWith("write-churn");
                        } catch (java.io.IOException gone) {
                            return false; // the thread ended meanwhile
                        }
                    })
                    .count();
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    /** {@code respawn false}: the program is gone, the daemon and its session keep going. */
    @Test
    void respawnFalseKeepsTheDaemonAndPeers() throws Exception {
        TestPeer peer = peer("127.0.0.1", 0);
        Path once = script("once.sh", "#!/bin/sh\necho 'announce route 10.0.0.0/24 next-hop 1.2.3.4'\nexit 0\n");
        Path watcher = apiProgram("watcher", "wait *up*", "announce route 10.1.0.0/24 next-hop 1.2.3.4");
        DaemonProcess daemon = daemon(DaemonProcess.server(asyncio, 179, 1), file("once.conf", """
                process once { run %s; encoder text; respawn false; }
                process watcher { run %s; encoder text; }
                """.formatted(once, watcher) + ApiProcessIT.neighbor(peer.port(),
                "processes [ once watcher ];\nneighbor-changes;")));
        peer.awaitMessage("the once program's route", announces("10.0.0.0/24"), Await.TIMEOUT);
        peer.awaitMessage("the watcher's route", announces("10.1.0.0/24"), Await.TIMEOUT);
        Await.until("the exit logged", () -> daemon.stdout() + daemon.stderr(),
                l -> l.contains("process once exited"), Await.TIMEOUT);
        assertThat(daemon.isAlive()).isTrue();
        assertThat(peer.connections()).isEqualTo(1);
        assertThat(peer.received()).noneMatch(m -> m.type() == BgpMessage.NOTIFICATION);
        assertThat(daemon.stdout() + daemon.stderr()).doesNotContain("Too many death")
                .containsOnlyOnce("forked process once ");
    }

    /** {@code api.terminate}: a program that ends for good stops the daemon (ExaBGP crashes here, api.md §1.5). */
    @Test
    void terminateStopsTheDaemonWhenAProgramIsLost() throws Exception {
        TestPeer peer = peer("127.0.0.1", 0);
        // the program leaves once the session is up
        Path quit = script("quit.sh", "#!/bin/sh\nwhile IFS= read -r line; do case \"$line\" in *up*) exit 0;; esac; done\n");
        Map<String, String> env = DaemonProcess.server(asyncio, 179, 1);
        env.put("exabgp_api_terminate", "true");
        DaemonProcess daemon = daemon(env, file("term.conf", """
                process quitter { run %s; encoder text; respawn false; }
                """.formatted(quit) + ApiProcessIT.neighbor(peer.port(),
                "processes [ quitter ];\nneighbor-changes;")));
        assertThat(daemon.awaitExit(Duration.ofSeconds(20))).as(daemon::log).isEqualTo(1);
        assertThat(daemon.stdout() + daemon.stderr()).contains("api.terminate");
        // the session was closed properly: Cease
        peer.awaitMessage("the Cease", m -> m.isNotification(6), Await.TIMEOUT);
    }

    private static java.util.function.Predicate<BgpMessage> announces(String prefix) {
        return m -> m.type() == BgpMessage.UPDATE && m.announced().contains(prefix);
    }
}
