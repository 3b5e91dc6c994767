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
}
