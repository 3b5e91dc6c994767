package org.jexabgp.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 1,000 concurrent sessions (issue 6), not run by default ({@code -Djexabgp.scale=true}, docs/testing.md): one daemon
 * with 1,000 neighbours, each on its own peer address 127.1.x.y, against {@link ManyPeers}. All must reach ESTABLISHED
 * and stay there with keepalives for {@code -Djexabgp.scale.minutes} (default 5), with the daemon under 1 GB RSS.
 * Prints the time to establish all, the RSS and the CPU time used.
 */
@EnabledIfSystemProperty(named = "jexabgp.scale", matches = "true")
@ParameterizedClass(name = "asyncio={0}")
@ValueSource(booleans = {false, true})
class ScaleIT extends EndToEnd {
    private static final int NEIGHBOURS = Integer.getInteger("jexabgp.scale.neighbours", 1000);
    private static final int HOLD = 30;
    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    ScaleIT(boolean asyncio) {
        super(asyncio);
    }

    private static String address(int i) {
        return "127.1." + (i / 250) + "." + (i % 250 + 1);
    }

    @Test
    void aThousandSessionsComeUpAndStayUp() throws Exception {
        int minutes = Integer.getInteger("jexabgp.scale.minutes", 5);
        try (ManyPeers peers = new ManyPeers(65002, HOLD)) {
            StringBuilder conf = new StringBuilder();
            for (int i = 0; i < NEIGHBOURS; i++) {
                conf.append("""
                        neighbor %s {
                            router-id 10.0.0.1;
                            local-address 127.0.0.1;
                            local-as 65001;
                            peer-as 65002;
                            hold-time %d;
                            connect %d;
                            family { ipv4 unicast; }
                        }
                        """.formatted(address(i), HOLD, peers.port()));
            }
            Path file = file("scale.conf", conf.toString());
            Map<String, String> env = new java.util.LinkedHashMap<>();
            env.put("exabgp_reactor_asyncio", String.valueOf(asyncio));
            env.put("exabgp_log_level", "WARNING");
            long start = System.nanoTime();
            DaemonProcess daemon = daemon(env, file);
            Await.until(NEIGHBOURS + " sessions established", peers::established, n -> n >= NEIGHBOURS,
                    Duration.ofMinutes(3));
            double establishSeconds = (System.nanoTime() - start) / 1e9;
            long cpuAtUp = cpuTicks(daemon.pid());
            long rssAtUp = ProcFs.rssKb(daemon.pid());
            long end = System.nanoTime() + Duration.ofMinutes(minutes).toNanos();
            long maxRss = rssAtUp;
            while (System.nanoTime() < end) {
                LockSupport.parkNanos(Duration.ofSeconds(10).toNanos());
                maxRss = Math.max(maxRss, ProcFs.rssKb(daemon.pid()));
                assertThat(peers.established()).as("sessions still up").isEqualTo(NEIGHBOURS);
            }
            long cpuTotal = cpuTicks(daemon.pid());
            List<ManyPeers.Session> sessions = peers.sessions();
            long now = System.nanoTime();
            assertThat(sessions).hasSize(NEIGHBOURS); // one connection each: none was ever dropped and redone
            for (ManyPeers.Session s : sessions) {
                assertThat(s.closed).as(s.address + " closed").isFalse();
                assertThat(now - s.lastHeardNanos).as(s.address + " silent (ns)").isLessThan(HOLD * 1_000_000_000L);
                assertThat(s.keepalivesFromDaemon).as(s.address + " keepalives").isGreaterThan(minutes * 60L / 10 - 2);
            }
            assertThat(sessions.stream().map(s -> s.address).distinct().count()).isEqualTo(NEIGHBOURS);
            assertThat(peers.unexpected()).isZero();
            assertThat(maxRss).as("daemon RSS (kB)").isLessThan(1024 * 1024);
            String figures = ("scale (asyncio=%s): %d sessions established in %.1f s; RSS %d MB when up, max %d MB "
                    + "over "
                    + "%d min; CPU %.1f s to establish (incl. JVM start), %.1f s over the %d min after (%.1f%% of a "
                    + "core)%n").formatted(asyncio, NEIGHBOURS, establishSeconds, rssAtUp / 1024, maxRss / 1024,
                    minutes, cpuAtUp / (double) TICKS_PER_SECOND, (cpuTotal - cpuAtUp) / (double) TICKS_PER_SECOND,
                    minutes, 100.0 * (cpuTotal - cpuAtUp) / TICKS_PER_SECOND / (minutes * 60.0));
            System.out.print(figures);
            String out = System.getProperty("jexabgp.scale.figures");
            if (out != null) Files.writeString(Path.of(out), figures, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        }
    }

    /** utime + stime of the process, in clock ticks (proc(5) fields 14 and 15). */
    private static long cpuTicks(long pid) throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
