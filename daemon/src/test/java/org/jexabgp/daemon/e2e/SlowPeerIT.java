package org.jexabgp.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A peer that stops reading: the daemon's socket fills, its writes are partial and wait to be writable, and what the
 * socket did not take is sent later, in order, once: every route arrives exactly once with its own attributes.
 */
@ParameterizedClass(name = "asyncio={0}")
@ValueSource(booleans = {false, true})
class SlowPeerIT extends EndToEnd {
    /**
     * One UPDATE each (a MED of its own), 54 bytes: at least 5.4 MB, and always more than a socket's largest send
     * buffer (tcp_wmem's maximum, 4 MB by default) plus the peer's window, so the daemon's writes must wait.
     */
    private static final int ROUTES = routes();

    private static int routes() {
        int sendBuffer = 4 << 20;
        try {
            String[] wmem = java.nio.file.Files.readString(Path.of("/proc/sys/net/ipv4/tcp_wmem")).trim().split("\\s+");
            sendBuffer = Integer.parseInt(wmem[2]);
        } catch (java.io.IOException | RuntimeException e) {
            // the default
        }
        return Math.max(100_000, (sendBuffer + (1 << 20)) / 54 + 1);
    }

    private static int u8(byte[] b, int at) {
        return b[at] & 0xFF;
    }

    private static int u16(byte[] b, int at) {
        return u8(b, at) << 8 | u8(b, at + 1);
    }

    private static long u32(byte[] b, int at) {
        return (long) u16(b, at) << 16 | u16(b, at + 2);
    }

    SlowPeerIT(boolean asyncio) {
        super(asyncio);
    }

    @Test
    void everyRouteArrivesOnceAfterThePeerReadsAgain() throws Exception {
        TestPeer peer = TestPeer.listen("127.0.0.1", 65002, 64 * 1024);
        try (peer) {
            StringBuilder routes = new StringBuilder();
            for (int i = 0; i < ROUTES; i++)
                routes.append("        route %d.%d.%d.0/24 next-hop 192.0.2.1 med %d;\n".formatted(10 + (i >> 16), i >> 8 & 255, i & 255, i));
            Path conf = file("slow.conf", """
                    neighbor 127.0.0.1 {
                        router-id 10.0.0.1;
                        local-address 127.0.0.1;
                        local-as 65001;
                        peer-as 65002;
                        family { ipv4 unicast; }
                        static {
                    %s    }
                    }
                    """.formatted(routes));
            peer.holdReadingAfterAnUpdate();
            DaemonProcess daemon = daemon(DaemonProcess.server(asyncio, peer.port(), 1), conf);
            peer.awaitMessage("a first UPDATE", m -> m.type() == BgpMessage.UPDATE, Await.TIMEOUT);
            // the daemon runs into the full socket meanwhile (and keeps its session: hold time 180 s)
            Thread.sleep(1500);
            peer.resumeReading();
            peer.awaitEndOfRib(Await.TIMEOUT.multipliedBy(2));

            Map<Integer, Long> medByPrefix = new HashMap<>();
            for (BgpMessage m : peer.updates()) {
                if (m.isIpv4Eor()) continue;
                byte[] b = m.body().toArray();
                int withdrawn = u16(b, 0);
                assertThat(withdrawn).isZero();
                int attributes = u16(b, 2);
                long med = -1;
                for (int at = 4; at < 4 + attributes; ) {
                    int flags = u8(b, at), type = u8(b, at + 1);
                    boolean extended = (flags & 0x10) != 0;
                    int length = extended ? u16(b, at + 2) : u8(b, at + 2);
                    int value = at + (extended ? 4 : 3);
                    if (type == 4) med = u32(b, value);
                    at = value + length;
                }
                int nlri = 4 + attributes;
                assertThat(b.length - nlri).as("one /24 an UPDATE").isEqualTo(4);
                assertThat(u8(b, nlri)).isEqualTo(24);
                int prefix = u8(b, nlri + 1) << 16 | u8(b, nlri + 2) << 8 | u8(b, nlri + 3);
                assertThat(medByPrefix.put(prefix, med)).as("a route sent twice").isNull();
            }
            assertThat(medByPrefix).hasSize(ROUTES);
            for (int i = 0; i < ROUTES; i++)
                assertThat(medByPrefix.get((10 << 16) + i)).as("med of route %d", i).isEqualTo((long) i);
            assertThat(peer.connections()).isEqualTo(1);
            assertThat(daemon.isAlive()).isTrue();
        }
    }
}
