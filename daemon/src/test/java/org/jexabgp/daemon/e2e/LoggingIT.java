package org.jexabgp.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jexabgp.daemon.os.UnixDatagram;
import org.junit.jupiter.api.Test;

/**
 * Every {@code log.destination} and format of runtime.md §7 with a real daemon: stdout, stderr, a file, local syslog
 * (a Unix datagram socket of the test's, in place of {@code /dev/log}) and remote syslog (a UDP socket of the
 * test's); short and long lines, JSON lines (our addition), the level and the category switches.
 */
class LoggingIT extends EndToEnd {
    private static final String WELCOME = "Thank you for using jexabgp";

    LoggingIT() {
        super(false);
    }

    /** A daemon with one program, its session up (so the start lines are all written). */
    private DaemonProcess run(Map<String, String> extra) throws Exception {
        TestPeer peer = peer("127.0.0.1", 0);
        Path reader = script("reader.sh", "#!/bin/sh\nexec cat >/dev/null\n");
        Path conf = file("log.conf", "process reader {\n    run %s;\n    encoder text;\n}\n".formatted(reader)
                + ApiProcessIT.neighbor(peer.port(), ""));
        Map<String, String> env = DaemonProcess.server(false, peer.port(), 0);
        env.putAll(extra);
        DaemonProcess daemon = daemon(env, conf);
        peer.awaitEndOfRib(Await.TIMEOUT);
        return daemon;
    }

    @Test
    void stdoutByDefaultInTheShortFormat() throws Exception {
        DaemonProcess daemon = run(Map.of());
        // short: "<source:15> <message>"
        Await.until("the welcome line on stdout", () -> daemon.stdout().lines().toList(),
                l -> l.stream().anyMatch(x -> x.matches("reactor {9}" + WELCOME + ".*")), Await.TIMEOUT);
        assertThat(daemon.stderr()).doesNotContain(WELCOME);
    }

    /** SLF4J is bound to our logging directly (Main, LoggingProvider) and says nothing of it on stderr. */
    @Test
    void nothingButTheDaemonsOwnLines() throws Exception {
        DaemonProcess daemon = run(Map.of("exabgp_log_destination", "stderr"));
        Await.until("the welcome line on stderr", daemon::stderr, t -> t.contains(WELCOME), Await.TIMEOUT);
        assertThat(daemon.stderr()).doesNotContain("SLF4J").doesNotContain("logback").doesNotContain("logging:");
        DaemonProcess.Finished version = DaemonProcess.run(dir, Map.of(), Await.TIMEOUT, "version");
        assertThat(version.exit()).isZero();
        assertThat(version.stderr()).isEmpty();
        // asked to say what it does, SLF4J shows it takes our provider as named, without a search
        DaemonProcess.Finished told = DaemonProcess.run(dir, Map.of("JAVA_TOOL_OPTIONS",
                "-Dslf4j.internal.verbosity=INFO"), Await.TIMEOUT, "version");
        assertThat(told.stderr())
                .contains("Attempting to load provider \"org.jexabgp.daemon.LoggingProvider\"")
                .doesNotContain("Found provider");
    }

    @Test
    void stderr() throws Exception {
        DaemonProcess daemon = run(Map.of("exabgp_log_destination", "stderr"));
        Await.until("the welcome line on stderr", daemon::stderr, t -> t.contains(WELCOME), Await.TIMEOUT);
        assertThat(daemon.stdout()).doesNotContain(WELCOME);
    }

    /** A file name, here in the long format: {@code HH:MM:SS <pid:6> <source:15> <message>}. */
    @Test
    void fileInTheLongFormat() throws Exception {
        Path log = dir.resolve("exabgp.log");
        DaemonProcess daemon = run(Map.of("exabgp_log_destination", log.toString(), "exabgp_log_short", "false"));
        List<String> lines = Await.line(log, "the welcome line", l -> l.contains(WELCOME));
        assertThat(lines).anyMatch(l -> l.matches("\\d\\d:\\d\\d:\\d\\d " + daemon.pid() + " +reactor +" + WELCOME
                + ".*"));
        assertThat(daemon.stdout()).doesNotContain(WELCOME);
    }

    /** {@code log.format=json}: one JSON object a line, from logback's JSON encoder. */
    @Test
    void jsonLines() throws Exception {
        Path log = dir.resolve("exabgp.json");
        run(Map.of("exabgp_log_destination", "file:" + log, "exabgp_log_format", "json"));
        List<String> lines = Await.line(log, "the welcome line", l -> l.contains(WELCOME));
        assertThat(lines).allSatisfy(l -> assertThat(Json.parse(l)).isInstanceOf(Map.class));
        Object welcome = Json.parse(lines.stream().filter(l -> l.contains(WELCOME)).findFirst().orElseThrow());
        assertThat(Json.at(welcome, "level")).isEqualTo("INFO");
        assertThat(Json.at(welcome, "loggerName")).isEqualTo("exabgp.reactor");
        assertThat((String) Json.at(welcome, "formattedMessage")).startsWith(WELCOME);
        assertThat(Json.at(welcome, "timestamp")).isInstanceOf(Number.class);
    }

    /** {@code syslog}: datagrams {@code <30>Mmm dd hh:mm:ss exabgp[PID]: reactor …} (daemon.info = 3×8+6). */
    @Test
    void localSyslog() throws Exception {
        Path socket = dir.resolve("log.sock");
        List<String> got = new CopyOnWriteArrayList<>();
        try (UnixDatagram syslog = UnixDatagram.bind(socket)) {
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    while (true) got.add(new String(syslog.receive(), StandardCharsets.UTF_8));
                } catch (java.io.IOException e) {
                    // closed
                }
            });
            DaemonProcess daemon = run(Map.of("exabgp_log_destination", "syslog",
                    "JEXABGP_SYSLOG_SOCKET", socket.toString()));
            String welcome = Await.until("the welcome datagram", () -> List.copyOf(got),
                    l -> l.stream().anyMatch(x -> x.contains(WELCOME)), Await.TIMEOUT)
                    .stream().filter(x -> x.contains(WELCOME)).findFirst().orElseThrow();
            assertThat(welcome).matches("<30>\\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d exabgp\\[" + daemon.pid()
                    + "]: reactor " + WELCOME + ".*");
            assertThat(daemon.stdout()).doesNotContain(WELCOME);
        }
    }

    /** {@code host:ADDRESS[:PORT]}: the same lines over UDP, via logback's syslog appender. */
    @Test
    void remoteSyslog() throws Exception {
        try (DatagramSocket server = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            server.setSoTimeout((int) Await.TIMEOUT.toMillis());
            DaemonProcess daemon = run(Map.of("exabgp_log_destination", "host:127.0.0.1:" + server.getLocalPort()));
            String welcome = "";
            while (!welcome.contains(WELCOME)) {
                DatagramPacket p = new DatagramPacket(new byte[4096], 4096);
                server.receive(p); // SocketTimeoutException fails the test
                welcome = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
            }
            assertThat(welcome).startsWith("<30>").contains("exabgp[" + daemon.pid() + "]: reactor " + WELCOME);
        }
    }

    /**
     * The category switches work (they are ignored in ExaBGP's seed): {@code log.reactor=false} silences the reactor's
     * lines while the processes' ones are still written.
     */
    @Test
    void categorySwitch() throws Exception {
        DaemonProcess daemon = run(Map.of("exabgp_log_reactor", "false"));
        Await.until("the processes' line", daemon::stdout, t -> t.contains("forked process reader"), Await.TIMEOUT);
        assertThat(daemon.stdout()).doesNotContain(WELCOME);
    }

    @Test
    void categoryOnlyWithAll() throws Exception {
        // log.all turns on what its own switch has off
        DaemonProcess daemon = run(Map.of("exabgp_log_reactor", "false", "exabgp_log_all", "true"));
        Await.until("the welcome line", daemon::stdout, t -> t.contains(WELCOME), Await.TIMEOUT);
    }

    /** {@code log.level=ERROR}: nothing at INFO. */
    @Test
    void level() throws Exception {
        DaemonProcess daemon = run(Map.of("exabgp_log_level", "ERROR"));
        Await.until("the daemon running", daemon::isAlive, a -> a, Await.TIMEOUT);
        assertThat(daemon.stdout()).doesNotContain(WELCOME).doesNotContain("forked process");
    }
}
