package org.jexabgp.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The soak of issue 7, not run by default ({@code -Djexabgp.soak=true}, README "Testing"): 50 neighbours up against
 * test peers, API programs that exit and are respawned, a reload every 30 s alternating the static routes. Every
 * 30 s the daemon's RSS, threads and open descriptors are sampled; after the warm-up they must stay flat.
 * {@code -Djexabgp.soak.minutes=N} changes the length (default 10).
 */
@EnabledIfSystemProperty(named = "jexabgp.soak", matches = "true")
class SoakIT extends EndToEnd {
    private static final int NEIGHBOURS = 50;
    private static final Duration PERIOD = Duration.ofSeconds(30);

    SoakIT() {
        super(Boolean.getBoolean("jexabgp.soak.asyncio"));
    }

    record Sample(int minute, int second, long rssKb, int threads, int fds, int programs) {}

    @Test
    void flatResourcesUnderChurnAndReloads() throws Exception {
        int minutes = Integer.getInteger("jexabgp.soak.minutes", 10);
        List<TestPeer> peers = new ArrayList<>();
        for (int i = 0; i < NEIGHBOURS; i++) peers.add(peer("127.0.0." + (i + 2), 0));
        // churn: each program announces, reads for 20 s and exits; respawned (at most 5 deaths a minute are allowed)
        Path churn = script("churn.sh", """
                #!/bin/sh
                printf 'announce route 10.99.0.0/24 next-hop 1.2.3.4\\n'
                exec timeout 20 cat >/dev/null
                """);
        Path conf = dir.resolve("soak.conf");
        writeConfig(conf, churn, peers, false);
        Map<String, String> env = DaemonProcess.server(asyncio, 179, 0);
        env.put("exabgp_log_level", "WARNING");
        DaemonProcess daemon = daemon(env, conf);
        for (TestPeer p : peers) p.awaitEndOfRib(Duration.ofSeconds(60));

        List<Sample> samples = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + Duration.ofMinutes(minutes).toNanos();
        boolean flip = false;
        long next = start;
        while (System.nanoTime() < end) {
            next += PERIOD.toNanos();
            while (System.nanoTime() < next) LockSupport.parkNanos(next - System.nanoTime()); // the sampling period
            assertThat(daemon.isAlive()).as(daemon::log).isTrue();
            flip = !flip;
            writeConfig(conf, churn, peers, flip);
            daemon.signal("USR1");
            long s = (System.nanoTime() - start) / 1_000_000_000L;
            Sample sample = new Sample((int) (s / 60), (int) (s % 60), ProcFs.rssKb(daemon.pid()),
                    ProcFs.threads(daemon.pid()), ProcFs.fds(daemon.pid()), daemon.programs().size());
            samples.add(sample);
            System.out.println("soak " + sample);
        }
        // every session survived the reloads (only the routes changed)
        for (TestPeer p : peers) {
            assertThat(p.connections()).isEqualTo(1);
            assertThat(p.received()).noneMatch(m -> m.type() == BgpMessage.NOTIFICATION);
        }
        // warm-up: the first third; then nothing may grow beyond a small margin over the warm-up's worst
        int warm = Math.max(1, samples.size() / 3);
        List<Sample> early = samples.subList(0, warm);
        List<Sample> late = samples.subList(samples.size() - Math.min(2, samples.size() - warm), samples.size());
        long rss = early.stream().mapToLong(Sample::rssKb).max().orElseThrow();
        int threads = early.stream().mapToInt(Sample::threads).max().orElseThrow();
        int fds = early.stream().mapToInt(Sample::fds).max().orElseThrow();
        for (Sample s : late) {
            assertThat(s.rssKb()).as("RSS (kB) %s", samples).isLessThanOrEqualTo(rss + rss / 5 + 16_384);
            // each running program has three threads and three pipes: allow one extra program's worth
            assertThat(s.threads()).as("threads %s", samples).isLessThanOrEqualTo(threads + 4);
            assertThat(s.fds()).as("open files %s", samples).isLessThanOrEqualTo(fds + 4);
        }
    }

    private static void writeConfig(Path conf, Path churn, List<TestPeer> peers, boolean extra) throws Exception {
        StringBuilder b = new StringBuilder();
        b.append("process churn-a {\n    run %s;\n    encoder json;\n}\n".formatted(churn));
        b.append("process churn-b {\n    run %s;\n    encoder text;\n}\n".formatted(churn));
        for (int i = 0; i < peers.size(); i++) {
            String address = "127.0.0." + (i + 2);
            String neighbor = ApiProcessIT.neighbor(peers.get(i).port(), i % 2 == 0 ? "processes [ churn-a ];"
                    : "processes [ churn-b ];").replaceFirst("neighbor 127.0.0.1", "neighbor " + address);
            String routes = "    static {\n        route 10.1.%d.0/24 next-hop 1.2.3.4;\n%s    }\n}\n".formatted(i,
                    extra ? "        route 10.2.%d.0/24 next-hop 1.2.3.4;\n".formatted(i) : "");
            b.append(neighbor.replaceFirst("}\\s*$", routes));
        }
        java.nio.file.Files.writeString(conf, b.toString());
    }
}
