package org.jexabgp.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Timers never starve (issue 6): with a 3-second hold time (a KEEPALIVE every second, RFC 4271 §4.4), a program floods
 * announce commands and the peer floods UPDATEs at the same time for 20 s. The peer measures the gaps between the
 * daemon's messages: none may reach the hold time (else a real peer would drop the session), the daemon's own hold
 * timer must not expire (it would send 4/0), and the session stays up throughout.
 */
@ParameterizedClass(name = "asyncio={0}")
@ValueSource(booleans = {false, true})
class TimersIT extends EndToEnd {
    private static final Duration FLOOD = Duration.ofSeconds(20);
    private static final long HOLD_NANOS = 3_000_000_000L;

    TimersIT(boolean asyncio) {
        super(asyncio);
    }

    /** An eBGP UPDATE from AS 65002 for 11.a.b.0/24 (ORIGIN, AS_PATH [65002], NEXT_HOP 127.0.0.2, NLRI). */
    private static byte[] update(int i) {
        String body = "0000" + "0014" + "40010100" + "40020602010000FDEA" + "4003047F000002"
                + "180B%02X%02X".formatted((i >> 8) & 0xFF, i & 0xFF);
        return HexFormat.of().parseHex(BgpMessage.MARKER + "%04X02".formatted(19 + body.length() / 2) + body);
    }

    @Test
    void keepalivesLeaveOnTimeWhileBothSidesFlood() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
            // the program: announce commands as fast as the pipe takes them, each a change (the MED varies)
            Path flood = script("flood.sh", """
                    #!/bin/sh
                    exec awk 'BEGIN { for (i = 0; ; i++) printf "announce route 10.%d.%d.0/24 next-hop 127.0.0.1 \
                    med %d\\n", int(i / 256) % 256, i % 256, i; }'
                    """);
            Path conf = file("t.conf", """
                    process flood {
                        run %s;
                        encoder text;
                    }
                    neighbor 127.0.0.1 {
                        router-id 10.0.0.1;
                        local-address 127.0.0.1;
                        local-as 65001;
                        peer-as 65002;
                        hold-time 3;
                        connect %d;
                        family { ipv4 unicast; }
                        api { processes [ flood ]; }
                    }
                    """.formatted(flood, server.getLocalPort()));
            daemon(Map.of("exabgp_reactor_asyncio", String.valueOf(asyncio), "exabgp_api_ack", "false"), conf);
            server.setSoTimeout((int) Await.TIMEOUT.toMillis());
            try (Socket s = server.accept()) {
                s.setSoTimeout((int) Await.TIMEOUT.toMillis());
                DataInputStream in = new DataInputStream(s.getInputStream());
                OutputStream out = s.getOutputStream();
                assertThat(read(in)).isEqualTo(BgpMessage.OPEN);
                out.write(RawBgp.open(65002, 3, "0A000002").toArray());
                out.write(BgpMessage.keepalive().toArray());
                out.flush();
                assertThat(read(in)).isEqualTo(BgpMessage.KEEPALIVE);
                long end = System.nanoTime() + FLOOD.toNanos();
                // the peer's flood, on its own thread so that reading never waits for writing; then, as a real peer,
                // a KEEPALIVE every second until the test is over
                java.util.concurrent.atomic.AtomicBoolean flooded = new java.util.concurrent.atomic.AtomicBoolean();
                java.util.concurrent.atomic.AtomicBoolean over = new java.util.concurrent.atomic.AtomicBoolean();
                Thread writer = Thread.ofPlatform().daemon().start(() -> {
                    try {
                        for (int i = 0; System.nanoTime() < end; i++) {
                            out.write(update(i));
                            if (i % 64 == 0) out.flush();
                        }
                        out.flush();
                        flooded.set(true);
                        while (!over.get()) {
                            out.write(BgpMessage.keepalive().toArray());
                            out.flush();
                            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000_000L);
                        }
                    } catch (IOException e) {
                        // the reader reports what went wrong
                    }
                });
                List<Long> keepalives = new ArrayList<>();
                long last = System.nanoTime(), worst = 0;
                int updates = 0;
                while (System.nanoTime() < end) {
                    int type = read(in);
                    long now = System.nanoTime();
                    worst = Math.max(worst, now - last);
                    last = now;
                    if (type == BgpMessage.KEEPALIVE) keepalives.add(now);
                    else updates++;
                }
                long worstKeepaliveGap = 0;
                for (int i = 1; i < keepalives.size(); i++)
                    worstKeepaliveGap = Math.max(worstKeepaliveGap, keepalives.get(i) - keepalives.get(i - 1));
                System.out.printf("timers (asyncio=%s): %d KEEPALIVEs, %d UPDATEs, worst gap between messages %d ms, "
                        + "between KEEPALIVEs %d ms%n", asyncio, keepalives.size(), updates, worst / 1_000_000,
                        worstKeepaliveGap / 1_000_000);
                assertThat(worst).as("longest silence of the daemon (ns)").isLessThan(HOLD_NANOS);
                assertThat(worstKeepaliveGap).as("longest gap between KEEPALIVEs (ns)").isLessThan(HOLD_NANOS);
                assertThat(keepalives.size()).as("a KEEPALIVE about every second").isGreaterThanOrEqualTo(10);
                assertThat(updates).as("the program's flood reached the peer").isGreaterThan(0);
                // still up once the peer's flood is written: the daemon's next KEEPALIVE comes, no NOTIFICATION
                while (!flooded.get()) read(in);
                while (read(in) != BgpMessage.KEEPALIVE) {
                    // what the program's flood still queued
                }
                over.set(true);
                writer.join(Duration.ofSeconds(10));
            }
        }
    }

    /** Reads one message; returns its type, failing on a NOTIFICATION (which it shows). */
    private static int read(DataInputStream in) throws IOException {
        byte[] header = new byte[19];
        in.readFully(header);
        int length = (header[16] & 0xFF) << 8 | (header[17] & 0xFF);
        byte[] body = new byte[length - 19];
        in.readFully(body);
        BgpMessage m = new BgpMessage(header[18] & 0xFF, org.jexabgp.wire.Bytes.of(body));
        if (m.type() == BgpMessage.NOTIFICATION) throw new AssertionError("the daemon sent " + m.notificationCode()
                + ": " + m);
        return m.type();
    }
}
