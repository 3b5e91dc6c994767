package org.jexabgp.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code exabgp cli} over the daemon's Unix control socket (runtime.md §3), in both engines. */
@ParameterizedClass(name = "asyncio={0}")
@ValueSource(booleans = {false, true})
class ApiCliIT extends EndToEnd {
    ApiCliIT(boolean asyncio) {
        super(asyncio);
    }

    @Test
    void cliShowsAnnouncesAndTheSocketGoesAwayOnShutdown() throws Exception {
        TestPeer peer = peer("127.0.0.1", 0);
        Path socket = dir.resolve("run").resolve("exabgp.sock");
        // no process block: the CLI may address every neighbour (api.md §1.6)
        Path conf = file("cli.conf", """
                neighbor 127.0.0.1 {
                    router-id 10.0.0.1;
                    local-address 127.0.0.1;
                    local-as 65001;
                    peer-as 65001;
                    hold-time 30;
                    connect %d;
                    family {
                        ipv4 unicast;
                    }
                }
                """.formatted(peer.port()));
        Map<String, String> env = DaemonProcess.server(asyncio, 179, 1);
        env.put("exabgp_api_cli", "true");
        env.put("exabgp_api_socketpath", socket.toString());
        DaemonProcess daemon = daemon(env, conf);
        peer.awaitEndOfRib(Await.TIMEOUT);
        Await.until("the control socket", () -> Files.exists(socket), b -> b, Await.TIMEOUT);

        Map<String, String> cliEnv = Map.of("exabgp_api_socketpath", socket.toString());
        DaemonProcess.Finished summary = DaemonProcess.run(dir, new java.util.HashMap<>(cliEnv),
                Duration.ofSeconds(20), "cli", "s", "n", "s");
        assertThat(summary.exit()).isZero();
        // runtime.md §3.2: the expanded command first, then the output; the answer word is not printed
        assertThat(summary.stdout()).startsWith("command: show neighbor summary\n")
                .contains("Peer            AS        up/down state       |     #sent     #recvd")
                .containsPattern("127\\.0\\.0\\.1 +65001 +\\d+:\\d\\d:\\d\\d established")
                .doesNotContain("\ndone");

        DaemonProcess.Finished announce = DaemonProcess.run(dir, new java.util.HashMap<>(cliEnv),
                Duration.ofSeconds(20), "cli", "announce", "route", "10.0.0.0/24", "next-hop", "1.2.3.4");
        assertThat(announce.exit()).isZero();
        peer.awaitMessage("the announcement", m -> m.hex().equals(ApiProcessIT.ANNOUNCE), Await.TIMEOUT);

        DaemonProcess.Finished bad = DaemonProcess.run(dir, new java.util.HashMap<>(cliEnv),
                Duration.ofSeconds(20), "cli", "frobnicate");
        assertThat(bad.exit()).isZero(); // ExaBGP exits 0 on error too
        assertThat(bad.stderr()).contains("ExaBGP returns an error");

        DaemonProcess.Finished down = DaemonProcess.run(dir, new java.util.HashMap<>(cliEnv),
                Duration.ofSeconds(20), "cli", "shutdown");
        assertThat(down.stdout()).contains("shutdown in progress");
        assertThat(daemon.awaitExit(Duration.ofSeconds(10))).as(daemon::log).isZero();
        assertThat(socket).doesNotExist();
    }

    private Path cliConf(TestPeer peer) throws java.io.IOException {
        return file("cli.conf", """
                neighbor 127.0.0.1 {
                    router-id 10.0.0.1;
                    local-address 127.0.0.1;
                    local-as 65001;
                    peer-as 65001;
                    hold-time 30;
                    connect %d;
                    family {
                        ipv4 unicast;
                    }
                }
                """.formatted(peer.port()));
    }

    /** The named-pipe transport (runtime.md §3.1): FIFOs made by the operator under ROOT/run, cli --pipe. */
    @Test
    void namedPipes() throws Exception {
        TestPeer peer = peer("127.0.0.1", 0);
        Path run = Files.createDirectories(dir.resolve("run"));
        Process mkfifo = new ProcessBuilder("mkfifo", run.resolve("exabgp.in").toString(),
                run.resolve("exabgp.out").toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).isZero();
        Map<String, String> env = DaemonProcess.server(asyncio, 179, 1);
        env.put("exabgp_api_cli", "true");
        env.put("exabgp_api_socketname", ""); // pipes only
        DaemonProcess daemon = daemon(env, cliConf(peer));
        peer.awaitEndOfRib(Await.TIMEOUT);
        Await.until("the daemon reading the pipe", () -> daemon.stdout() + daemon.stderr(),
                l -> l.contains("control pipes"), Await.TIMEOUT);

        // EXABGP_ROOT is the test directory for the cli too: it finds ROOT/run/exabgp.{in,out}
        DaemonProcess.Finished summary = DaemonProcess.run(dir, new java.util.HashMap<>(),
                Duration.ofSeconds(20), "cli", "--pipe", "s", "n", "s");
        assertThat(summary.exit()).as(summary::toString).isZero();
        assertThat(summary.stdout()).startsWith("command: show neighbor summary\n")
                .containsPattern("127\\.0\\.0\\.1 +65001 +\\d+:\\d\\d:\\d\\d established")
                .doesNotContain("\ndone");

        // exabgp_cli_transport=pipe picks the pipes without the flag
        DaemonProcess.Finished announce = DaemonProcess.run(dir, new java.util.HashMap<>(Map.of(
                "exabgp_cli_transport", "pipe")), Duration.ofSeconds(20),
                "cli", "announce", "route", "10.0.0.0/24", "next-hop", "1.2.3.4");
        assertThat(announce.exit()).as(announce::toString).isZero();
        assertThat(announce.stderr()).doesNotContain("error");
        peer.awaitMessage("the announcement", m -> m.hex().equals(ApiProcessIT.ANNOUNCE), Await.TIMEOUT);

        DaemonProcess.Finished bad = DaemonProcess.run(dir, new java.util.HashMap<>(), Duration.ofSeconds(20),
                "cli", "--pipe", "frobnicate");
        assertThat(bad.stderr()).contains("ExaBGP returns an error");
        assertThat(daemon.isAlive()).isTrue();
    }

    /** Without a daemon reading the pipe, the cli says so at once instead of hanging. */
    @Test
    void namedPipesWithoutDaemon() throws Exception {
        Path run = Files.createDirectories(dir.resolve("run"));
        Process mkfifo = new ProcessBuilder("mkfifo", run.resolve("exabgp.in").toString(),
                run.resolve("exabgp.out").toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).isZero();
        DaemonProcess.Finished version = DaemonProcess.run(dir, new java.util.HashMap<>(), Duration.ofSeconds(20),
                "cli", "--pipe", "version");
        assertThat(version.exit()).isEqualTo(1);
        assertThat(version.stderr()).contains("no daemon reads");
    }

    /**
     * Interactive mode (runtime.md §3.2) with stdin from a file: two commands answered, end of input leaves (as
     * Ctrl-D), both kept in $HOME/.exabgp_history.
     */
    @Test
    void interactive() throws Exception {
        TestPeer peer = peer("127.0.0.1", 0);
        Path socket = dir.resolve("run").resolve("exabgp.sock");
        Map<String, String> env = DaemonProcess.server(asyncio, 179, 1);
        env.put("exabgp_api_cli", "true");
        env.put("exabgp_api_socketpath", socket.toString());
        daemon(env, cliConf(peer));
        peer.awaitEndOfRib(Await.TIMEOUT);
        Await.until("the control socket", () -> Files.exists(socket), b -> b, Await.TIMEOUT);

        Path input = file("typed.txt", "version\nshow neighbor summary\n");
        Path output = dir.resolve("interactive.out");
        ProcessBuilder cli = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-jar", DaemonProcess.jar().toString(), "cli")
                .redirectInput(input.toFile()).redirectOutput(output.toFile())
                .redirectError(dir.resolve("interactive.err").toFile());
        cli.environment().keySet().removeIf(k -> k.toLowerCase(java.util.Locale.ROOT).startsWith("exabgp"));
        cli.environment().put("exabgp_api_socketpath", socket.toString());
        cli.environment().put("HOME", dir.toString());
        Process p = cli.start();
        assertThat(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        String out = Files.readString(output);
        assertThat(out).contains("exabgp> ").contains("command: version\n")
                .containsPattern("command: version\n(exabgp|jexabgp)[^\n]*\n")
                .contains("command: show neighbor summary\n")
                .containsPattern("127\\.0\\.0\\.1 +65001 +\\d+:\\d\\d:\\d\\d established");
        assertThat(out.indexOf("command: version")).isLessThan(out.indexOf("command: show neighbor summary"));
        assertThat(Files.readAllLines(dir.resolve(".exabgp_history")))
                .anyMatch(l -> l.endsWith("version")).anyMatch(l -> l.endsWith("show neighbor summary"));
    }
}
