package org.jexabgp.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 5 acceptance: programs that misbehave never stop the daemon, stall its peers or grow its memory without bound
 * (ARCHITECTURE §8, users.md §2.2), in both engines.
 */
@ParameterizedClass(name = "asyncio={0}")
@ValueSource(booleans = {false, true})
class ApiRobustnessIT extends EndToEnd {
    ApiRobustnessIT(boolean asyncio) {
        super(asyncio);
    }

    private Path conf(TestPeer peer, String processes, int holdTime, String... programs) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < programs.length; i += 2) {
            sb.append("""
                    process %s {
                        run %s;
                        encoder text;
                        respawn false;
                    }
                    """.formatted(programs[i], programs[i + 1]));
        }
        return file("robust.conf", sb + ApiProcessIT.neighbor(peer.port(), "processes [ " + processes + " ];",
                holdTime));
    }

    /** The answers a raw program saw (its stdin copied to a file by a background cat). */
    private List<String> answers(String name) {
        return Await.lines(seen(name)).stream().filter(l -> l.equals("done") || l.equals("error")).toList();
    }

    private String recordStdin(String name) {
        // an asynchronous command of a non-interactive shell reads /dev/null unless given another descriptor
        return "exec 3<&0\ncat <&3 > '" + seen(name) + "' &\n";
    }

    /** 10 MB without a newline: one error, nothing of it is run, the next line is. */
    @Test
    void tenMegabytesWithoutNewline() throws Exception {
        TestPeer peer = peer("127.0.0.1", 0);
        Path program = script("long.sh", "#!/bin/sh\n" + recordStdin("long")
                + "head -c 10485760 /dev/zero | tr '\\000' 'a'\n"
                + "printf '\\nannounce route 10.0.0.0/24 next-hop 1.2.3.4\\n'\n"
                + "exec sleep 3600\n");
        DaemonProcess daemon = daemon(DaemonProcess.server(asyncio, 179, 1), conf(peer, "long", 30, "long",
                program.toString()));
        peer.awaitMessage("the announcement", m -> m.hex().equals(ApiProcessIT.ANNOUNCE), Await.TIMEOUT);
        assertThat(Await.until("two answers", () -> answers("long"), l -> l.size() >= 2, Await.TIMEOUT))
                .containsExactly("error", "done");
        assertThat(daemon.isAlive()).isTrue();
    }

    /** Random bytes (with NULs and invalid UTF-8): answered error line by line; a valid line after them works. */
    @Test
    void binaryGarbage() throws Exception {
        TestPeer peer = peer("127.0.0.1", 0);
        Path garbage = dir.resolve("garbage.bin");
        byte[] bytes = new byte[200_000];
        new java.util.SplittableRandom(5).nextBytes(bytes);
        Files.write(garbage, bytes);
        Path program = script("garbage.sh", "#!/bin/sh\n" + recordStdin("garbage")
                + "cat '" + garbage + "'\n"
                + "printf '\\nannounce route 10.0.0.0/24 next-hop 1.2.3.4\\n'\n"
                + "exec sleep 3600\n");
        DaemonProcess daemon = daemon(DaemonProcess.server(asyncio, 179, 1), conf(peer, "garbage", 30, "garbage",
                program.toString()));
        peer.awaitMessage("the announcement", m -> m.hex().equals(ApiProcessIT.ANNOUNCE), Await.TIMEOUT);
        // one answer per line: the garbage's lines, its unterminated tail, the announce
        int lines = 2;
        for (byte b : bytes) if (b == '\n') lines++;
        int expected = lines;
        List<String> answers =
                Await.until(expected + " answers", () -> answers("garbage"), l -> l.size() >= expected, Await.TIMEOUT);
        assertThat(answers).hasSize(expected);
        assertThat(answers.getLast()).isEqualTo("done");
        // random lines are errors (a few may read as a "#" comment, answered done as ExaBGP does)
        assertThat(answers.stream().filter("error"::equals).count()).isGreaterThan(expected * 9L / 10);
        assertThat(daemon.isAlive()).isTrue();
    }

    /** A program that dies in the middle of a line: the half line is never run; other programs and peers go on. */
    @Test
    void exitMidCommand() throws Exception {
        TestPeer peer = peer("127.0.0.1", 0);
        Path quitter = script("quitter.sh", "#!/bin/sh\nprintf 'announce route 10.9.9.0/24 next-hop 1.2.'\nexit 3\n");
        Path driver = apiProgram("driver", "wait *up*", "nowait # give the quitter time to go",
                "announce route 10.0.0.0/24 next-hop 1.2.3.4");
        DaemonProcess daemon = daemon(DaemonProcess.server(asyncio, 179, 1), file("mid.conf", """
                process quitter { run %s; encoder text; respawn false; }
                process driver { run %s; encoder text; }
                """.formatted(quitter, driver) + ApiProcessIT.neighbor(peer.port(),
                        "processes [ quitter driver ];\nneighbor-changes;")));
        peer.awaitMessage("the announcement", m -> m.hex().equals(ApiProcessIT.ANNOUNCE), Await.TIMEOUT);
        assertThat(peer.updates()).extracting(BgpMessage::hex).noneMatch(h -> h.endsWith("180A0909"));
        assertThat(peer.received()).noneMatch(m -> m.type() == BgpMessage.NOTIFICATION);
        assertThat(daemon.isAlive()).isTrue();
    }

    /**
     * users.md §2.2, the most reported failure: ACKs on, a program sends 500,000 announces and never reads its stdin.
     * Every route reaches the peer, the session (hold time 9 s) stays up, and the daemon's peak RSS stays bounded.
     */
    @Test
    void programThatNeverReadsWhileSending500kAnnounces() throws Exception {
        TestPeer peer = peer("127.0.0.1", 0);
        int routes = 500_000;
        Path program = script("flood.sh", "#!/bin/sh\n"
                + "awk 'BEGIN { for (i = 0; i < " + routes + "; i++) printf \"announce route 10.%d.%d.%d/32 next-hop"
                + " 1.2.3.4\\n\", int(i / 65536), int(i / 256) % 256, i % 256 }'\n"
                + "exec sleep 3600\n");
        DaemonProcess daemon = daemon(DaemonProcess.server(asyncio, 179, 1), conf(peer, "flood", 9, "flood",
                program.toString()));
        int got = Await.until("all " + routes + " routes", () -> countPrefixes(peer), n -> n >= routes,
                Duration.ofSeconds(120));
        assertThat(got).isEqualTo(routes);
        assertThat(peer.received()).noneMatch(m -> m.type() == BgpMessage.NOTIFICATION);
        assertThat(peer.connections()).isEqualTo(1);
        long peakKb = peakRssKb(daemon.pid());
        assertThat(peakKb).as("peak RSS of the daemon, kB").isLessThan(1_000_000);
        assertThat(daemon.isAlive()).isTrue();
    }

    /** NLRI bytes of every UPDATE divided by 5 (a /32: length byte + 4 address bytes, RFC 4271 §4.3). */
    private static int countPrefixes(TestPeer peer) {
        int n = 0;
        for (BgpMessage m : peer.updates()) {
            String hex = m.hex().substring(38);
            int withdrawn = Integer.parseInt(hex.substring(0, 4), 16);
            int at = 4 + withdrawn * 2;
            int attributes = Integer.parseInt(hex.substring(at, at + 4), 16);
            int nlri = hex.length() / 2 - (2 + withdrawn + 2 + attributes);
            n += nlri / 5;
        }
        return n;
    }

    private static long peakRssKb(long pid) throws Exception {
        for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status")))
            if (l.startsWith("VmHWM:")) return Long.parseLong(l.replaceAll("[^0-9]", ""));
        return -1;
    }
}
