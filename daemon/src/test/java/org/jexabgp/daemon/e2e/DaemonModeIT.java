package org.jexabgp.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code daemon.*} settings with a real daemon (runtime.md §5.1, §6): pid file, umask, privilege drop, detaching,
 * and the exit codes of refusals. The engine does not matter here: the selector engine runs them.
 */
class DaemonModeIT extends EndToEnd {
    DaemonModeIT() {
        super(false);
    }

    private Path simple(TestPeer peer, String processes) throws Exception {
        return file("daemon.conf", processes + ApiProcessIT.neighbor(peer.port(), ""));
    }

    private Map<String, String> env(TestPeer peer) {
        return DaemonProcess.server(false, peer.port(), 0);
    }

    /** The pid file holds {@code <pid>\n}, mode 0644 less the umask (default 0137: 0640), and goes on exit. */
    @Test
    void pidFileIsWrittenWithTheUmaskAndRemovedOnExit() throws Exception {
        TestPeer peer = peer("127.0.0.1", 0);
        Path pid = dir.resolve("exabgp.pid");
        Map<String, String> env = env(peer);
        env.put("exabgp_daemon_pid", pid.toString());
        DaemonProcess daemon = daemon(env, simple(peer, ""));
        peer.awaitEndOfRib(Await.TIMEOUT);
        assertThat(Await.until("the pid file", () -> read(pid), t -> !t.isEmpty(), Await.TIMEOUT))
                .isEqualTo(daemon.pid() + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pid))).isEqualTo("rw-r-----");

        daemon.signal("TERM");
        assertThat(daemon.awaitExit(Duration.ofSeconds(5))).as(daemon::log).isZero();
        assertThat(pid).doesNotExist();
    }

    /** The setting applies to the daemon's files and to its programs, which inherit it (default 0137, as ExaBGP). */
    @ParameterizedTest(name = "umask={0}")
    @ValueSource(strings = {"022", ""})
    void umaskSettingApplies(String umask) throws Exception {
        TestPeer peer = peer("127.0.0.1", 0);
        Path pid = dir.resolve("exabgp.pid");
        Path program = Files.writeString(dir.resolve("reader.sh"), "#!/bin/sh\nexec cat >/dev/null\n");
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> env = env(peer);
        env.put("exabgp_daemon_pid", pid.toString());
        if (!umask.isEmpty()) env.put("exabgp_daemon_umask", umask);
        DaemonProcess daemon = daemon(env, simple(peer, "process reader {\n    run %s;\n    encoder text;\n}\n"
                .formatted(program)));
        Await.until("the pid file", () -> read(pid), t -> !t.isEmpty(), Await.TIMEOUT);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pid)))
                .isEqualTo(umask.isEmpty() ? "rw-r-----" : "rw-r--r--");
        assertThat(ProcFs.status(daemon.pid(), "Umask")).isEqualTo(umask.isEmpty() ? "0137" : "0022");
        List<ProcessHandle> programs = Await.until("the program", daemon::programs, l -> !l.isEmpty(), Await.TIMEOUT);
        assertThat(ProcFs.status(programs.getFirst().pid(), "Umask")).isEqualTo(umask.isEmpty() ? "0137" : "0022");
        daemon.signal("TERM");
        assertThat(daemon.awaitExit(Duration.ofSeconds(5))).as(daemon::log).isZero();
    }

    /** A pid file naming a live process: a second daemon refuses with exit code 1 and leaves the file alone. */
    @Test
    void livePidFileRefusesToStart() throws Exception {
        TestPeer peer = peer("127.0.0.1", 0);
        Path pid = dir.resolve("exabgp.pid");
        String alive = ProcessHandle.current().pid() + "\n";
        Files.writeString(pid, alive);
        Map<String, String> env = env(peer);
        env.put("exabgp_daemon_pid", pid.toString());
        DaemonProcess daemon = daemon(env, simple(peer, ""));
        assertThat(daemon.awaitExit(Await.TIMEOUT)).as(daemon::log).isEqualTo(1);
        assertThat(daemon.stdout() + daemon.stderr()).contains("already exists");
        assertThat(peer.connections()).isZero();
        assertThat(read(pid)).isEqualTo(alive);
    }

    /** A pid file naming a dead process is stale: replaced. */
    @Test
    void stalePidFileIsReplaced() throws Exception {
        TestPeer peer = peer("127.0.0.1", 0);
        Path pid = dir.resolve("exabgp.pid");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(pid, gone.pid() + "\n");
        Map<String, String> env = env(peer);
        env.put("exabgp_daemon_pid", pid.toString());
        DaemonProcess daemon = daemon(env, simple(peer, ""));
        Await.until("our pid in the pid file", () -> read(pid), t -> t.equals(daemon.pid() + "\n"), Await.TIMEOUT);
        daemon.signal("TERM");
        assertThat(daemon.awaitExit(Duration.ofSeconds(5))).as(daemon::log).isZero();
        assertThat(pid).doesNotExist();
    }

    static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    /**
     * Started as root, the daemon becomes {@code daemon.user} once it listens (runtime.md §5.1). With
     * {@code daemon.drop=true} (the default) its programs start after the drop and run as that user too
     * (users.md §2.2); with {@code false} they start before it, as root.
     */
    @ParameterizedTest(name = "drop={0}")
    @ValueSource(booleans = {true, false})
    @EnabledIf("root")
    void rootDropsPrivilegesToTheUser(boolean drop) throws Exception {
        TestPeer peer = peer("127.0.0.1", 0);
        // nobody must be able to run the program: outside the test's private directory
        Path open = Files.createTempDirectory(Path.of("/tmp"), "jexabgp-drop");
        try {
            Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path program = Files.writeString(open.resolve("reader.sh"), "#!/bin/sh\nexec cat >/dev/null\n");
            Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
            Map<String, String> env = env(peer);
            env.put("exabgp_daemon_user", "nobody");
            env.put("exabgp_daemon_drop", String.valueOf(drop));
            DaemonProcess daemon = daemon(env, simple(peer, "process reader {\n    run %s;\n    encoder text;\n}\n"
                    .formatted(program)));
            peer.awaitEndOfRib(Await.TIMEOUT);
            String nobody = uidOf("nobody");
            Await.until("the daemon running as nobody", () -> ProcFs.uids(daemon.pid()),
                    u -> u.equals(String.join("\t", nobody, nobody, nobody, nobody)), Await.TIMEOUT);
            // root's supplementary groups are gone: only the user's own group is left
            assertThat(ProcFs.status(daemon.pid(), "Groups").split("\\s+")).doesNotContain("0");
            List<ProcessHandle> programs = Await.until("the program", daemon::programs, l -> !l.isEmpty(),
                    Await.TIMEOUT);
            String expected = drop ? nobody : "0";
            assertThat(ProcFs.uids(programs.getFirst().pid())).startsWith(expected + "\t");

            daemon.signal("TERM");
            assertThat(daemon.awaitExit(Duration.ofSeconds(5))).as(daemon::log).isZero();
        } finally {
            try (var files = Files.list(open)) {
                for (Path f : files.toList()) Files.delete(f);
            }
            Files.delete(open);
        }
    }

    /**
     * Started as root with supplementary groups, the daemon keeps only the user's group (setgroups); started without
     * any, it has none to drop (no setgroups call) and has none after.
     */
    @ParameterizedTest(name = "groups={0}")
    @ValueSource(strings = {"0,4,27", "none"})
    @EnabledIf("root")
    void rootsSupplementaryGroupsAreDropped(String groups) throws Exception {
        TestPeer peer = peer("127.0.0.1", 0);
        Map<String, String> env = env(peer);
        env.put("exabgp_daemon_user", "nobody");
        List<String> setpriv = groups.equals("none")
                ? List.of("setpriv", "--clear-groups", "--")
                : List.of("setpriv", "--groups", groups, "--");
        try (DaemonProcess daemon = DaemonProcess.start(dir, env, setpriv, List.of(simple(peer, "").toString()))) {
            peer.awaitEndOfRib(Await.TIMEOUT);
            String nobody = uidOf("nobody");
            Await.until("the daemon running as nobody", () -> ProcFs.uids(daemon.pid()),
                    u -> u.equals(String.join("\t", nobody, nobody, nobody, nobody)), Await.TIMEOUT);
            assertThat(ProcFs.status(daemon.pid(), "Groups").strip()).as(daemon::log)
                    .isEqualTo(groups.equals("none") ? "" : gidOf("nobody"));
            daemon.signal("TERM");
            assertThat(daemon.awaitExit(Duration.ofSeconds(5))).as(daemon::log).isZero();
        }
    }

    /** No such user: "refusing to run as root", exit 1, before any program starts. */
    @Test
    @EnabledIf("root")
    void unknownUserRefusesToRunAsRoot() throws Exception {
        TestPeer peer = peer("127.0.0.1", 0);
        Map<String, String> env = env(peer);
        env.put("exabgp_daemon_user", "no-such-user-h8");
        DaemonProcess daemon = daemon(env, simple(peer, ""));
        assertThat(daemon.awaitExit(Await.TIMEOUT)).as(daemon::log).isEqualTo(1);
        assertThat(daemon.stdout() + daemon.stderr()).contains("refusing to run as root");
    }

    /**
     * The CLI's socket and named pipes live where only root may write (/run/exabgp): the daemon opens them before it
     * drops privileges, and hands the files to {@code daemon.user} (the pipes' {@code .out} is opened again for each
     * answer). Both transports answer once the daemon runs as nobody.
     */
    @Test
    @EnabledIf("root")
    void rootOpensTheCliBeforeDroppingPrivileges() throws Exception {
        TestPeer peer = peer("127.0.0.1", 0);
        // like /run/exabgp: root's, searchable by everyone, writable by root only
        Path run = Files.createTempDirectory(Path.of("/tmp"), "jexabgp-run");
        try {
            Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxr-xr-x"));
            Process mkfifo = new ProcessBuilder("mkfifo", "-m", "600", run.resolve("exabgp.in").toString(),
                    run.resolve("exabgp.out").toString()).inheritIO().start();
            assertThat(mkfifo.waitFor()).isZero();
            Path socket = run.resolve("exabgp.sock");
            Map<String, String> env = env(peer);
            env.put("exabgp_daemon_user", "nobody");
            env.put("exabgp_api_cli", "true");
            env.put("exabgp_api_socketpath", socket.toString());
            env.put("exabgp_cli_pipe", run.toString());
            DaemonProcess daemon = daemon(env, simple(peer, ""));
            peer.awaitEndOfRib(Await.TIMEOUT);
            String nobody = uidOf("nobody");
            Await.until("the daemon running as nobody", () -> ProcFs.uids(daemon.pid()),
                    u -> u.startsWith(nobody + "\t"), Await.TIMEOUT);
            assertThat(daemon.stdout() + daemon.stderr()).doesNotContain("could not open")
                    .contains("control socket " + socket).contains("control pipes");
            assertThat(Files.getAttribute(socket, "unix:uid")).isEqualTo(Integer.parseInt(nobody));
            assertThat(Files.getAttribute(run.resolve("exabgp.out"), "unix:uid")).isEqualTo(Integer.parseInt(nobody));

            Map<String, String> cliEnv = Map.of("exabgp_api_socketpath", socket.toString(),
                    "exabgp_cli_pipe", run.toString());
            for (List<String> args : List.of(List.of("cli", "s", "n", "s"), List.of("cli", "--pipe", "s", "n", "s"))) {
                DaemonProcess.Finished summary = DaemonProcess.run(dir, new java.util.HashMap<>(cliEnv),
                        Duration.ofSeconds(20), args.toArray(String[]::new));
                assertThat(summary.exit()).as(summary::toString).isZero();
                assertThat(summary.stdout()).as(summary::toString)
                        .containsPattern("127\\.0\\.0\\.1 +\\d+ +\\d+:\\d\\d:\\d\\d established");
            }
            daemon.signal("TERM");
            assertThat(daemon.awaitExit(Duration.ofSeconds(5))).as(daemon::log).isZero();
        } finally {
            try (var files = Files.list(run)) {
                for (Path f : files.toList()) Files.delete(f);
            }
            Files.delete(run);
        }
    }

    /** runtime.md §5.1 step 2: a tcp.bind address that cannot be listened on is exit code 1. */
    @Test
    void listenFailureExitsOne() throws Exception {
        TestPeer peer = peer("127.0.0.1", 0);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Map<String, String> env = env(peer);
            env.put("exabgp_tcp_bind", "127.0.0.1");
            env.put("exabgp_tcp_port", String.valueOf(taken.getLocalPort()));
            DaemonProcess daemon = daemon(env, simple(peer, ""));
            assertThat(daemon.awaitExit(Await.TIMEOUT)).as(daemon::log).isEqualTo(1);
        }
    }

    /** A configuration that does not parse: exit code 1. */
    @Test
    void configurationErrorExitsOne() throws Exception {
        DaemonProcess daemon = daemon(DaemonProcess.server(false, 179, 1), file("bad.conf", "neighbor {\n"));
        assertThat(daemon.awaitExit(Await.TIMEOUT)).as(daemon::log).isEqualTo(1);
    }

    /**
     * {@code daemon.daemonize}: the command returns 0 once the daemon runs in the background — another process, in its
     * own session, named by the pid file, with the BGP session up; SIGTERM to it removes the pid file.
     */
    @Test
    void daemonizeDetachesAndTheForegroundExitsZero() throws Exception {
        TestPeer peer = peer("127.0.0.1", 0);
        Path pid = dir.resolve("exabgp.pid");
        Map<String, String> env = env(peer);
        env.put("exabgp_daemon_pid", pid.toString());
        env.put("exabgp_daemon_daemonize", "true");
        env.put("exabgp_log_destination", dir.resolve("exabgp.log").toString());
        DaemonProcess foreground = daemon(env, simple(peer, ""));
        assertThat(foreground.awaitExit(Await.TIMEOUT)).as(foreground::log).isZero();
        long background = Long.parseLong(read(pid).strip());
        try {
            assertThat(background).isNotEqualTo(foreground.pid());
            assertThat(ProcFs.gone(background)).isFalse();
            assertThat(ProcFs.session(background)).isEqualTo(background);
            assertThat(foreground.stdout() + foreground.stderr()).contains("background, pid " + background);
            peer.awaitEndOfRib(Await.TIMEOUT);
            assertThat(Await.lines(dir.resolve("exabgp.log"))).anyMatch(l -> l.contains("Thank you"));

            new ProcessBuilder("kill", "-TERM", String.valueOf(background)).start().waitFor();
            Await.until("the background daemon gone", () -> ProcFs.gone(background), g -> g, Await.TIMEOUT);
            assertThat(pid).doesNotExist();
        } finally {
            ProcessHandle.of(background).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** ExaBGP refuses to detach when the log goes to stdout (it would be lost): it carries on in the foreground. */
    @Test
    void daemonizeWithLogsOnStdoutStaysInTheForeground() throws Exception {
        TestPeer peer = peer("127.0.0.1", 0);
        Map<String, String> env = env(peer);
        env.put("exabgp_daemon_daemonize", "true");
        DaemonProcess daemon = daemon(env, simple(peer, ""));
        peer.awaitEndOfRib(Await.TIMEOUT);
        assertThat(daemon.isAlive()).isTrue();
        assertThat(daemon.stdout()).contains("can not fork when logs are going to stdout");
    }

    /** Detaching with a broken configuration: the foreground shows the error and exits 1. */
    @Test
    void daemonizeReportsAStartFailure() throws Exception {
        Map<String, String> env = DaemonProcess.server(false, 179, 1);
        env.put("exabgp_daemon_daemonize", "true");
        env.put("exabgp_log_destination", dir.resolve("exabgp.log").toString());
        DaemonProcess foreground = daemon(env, file("bad.conf", "neighbor {\n"));
        assertThat(foreground.awaitExit(Await.TIMEOUT)).as(foreground::log).isEqualTo(1);
        assertThat(foreground.stderr()).isNotBlank();
    }

    private static String gidOf(String user) throws Exception {
        Process id = new ProcessBuilder("id", "-g", user).start();
        id.waitFor();
        return new String(id.getInputStream().readAllBytes()).strip();
    }

    private static String uidOf(String user) throws Exception {
        Process id = new ProcessBuilder("id", "-u", user).start();
        id.waitFor();
        return new String(id.getInputStream().readAllBytes()).strip();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
