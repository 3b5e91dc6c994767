package org.jexabgp.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The anycast use case of {@code exabgp healthcheck} (runtime.md §10) end to end, in both engines: a process block
 * runs the healthcheck of the project's own jar against {@code test -f FLAG}; as the test removes and recreates the
 * flag, the peer sees the service address announced, withdrawn, announced again.
 */
@ParameterizedClass(name = "asyncio={0}")
@ValueSource(booleans = {false, true})
class HealthcheckIT extends EndToEnd {
    HealthcheckIT(boolean asyncio) {
        super(asyncio);
    }

    @Test
    void announceWithdrawAnnounceAsTheCheckFlips() throws Exception {
        TestPeer peer = peer("127.0.0.1", 0);
        Path flag = file("service-up", "");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // --neighbor: ExaBGP printed "neighbor X neighbor * …" here (users.md, issue #1366); --as-path: its own value
        Path program = script("healthcheck.sh", "#!/bin/sh\nexec " + java + " -XX:TieredStopAtLevel=1 -jar "
                + DaemonProcess.jar() + " healthcheck --interval 1 --fast-interval 1 --rise 1 --fall 1"
                + " --cmd 'test -f " + flag + "' --ip 192.0.2.10/32 --no-ip-setup --withdraw-on-down"
                + " --neighbor 127.0.0.1 --as-path 65001 --up-metric 100 --name anycast --debounce\n");
        DaemonProcess daemon = daemon(DaemonProcess.server(asyncio, 179, 1), file("hc.conf",
                "process hc { run " + program + "; encoder text; }\n"
                        + ApiProcessIT.neighbor(peer.port(), "processes [ hc ];")));
        peer.awaitMessage("the service announced", announces("192.0.2.10/32"), Await.TIMEOUT);

        Files.delete(flag);
        peer.awaitMessage("the service withdrawn", withdraws("192.0.2.10/32"), Await.TIMEOUT);

        Files.writeString(flag, "");
        peer.awaitMessage("the service announced again", 2, announces("192.0.2.10/32"),
                Await.TIMEOUT);

        List<BgpMessage> updates = peer.updates().stream()
                .filter(m -> m.announced().contains("192.0.2.10/32") || m.withdrawn().contains("192.0.2.10/32"))
                .toList();
        // --debounce: one UPDATE per state change, nothing repeated while the state holds
        assertThat(updates).hasSize(3);
        assertThat(updates.get(0).announced()).containsExactly("192.0.2.10/32");
        assertThat(updates.get(1).withdrawn()).containsExactly("192.0.2.10/32");
        assertThat(updates.get(2).announced()).containsExactly("192.0.2.10/32");
        // the AS_PATH attribute carries 65001 (type 2, AS_SEQUENCE of one 4-octet ASN): --as-path was applied
        assertThat(updates.get(0).body().hex()).contains("4002060201" + "0000FDE9");
        assertThat(peer.received()).noneMatch(m -> m.type() == BgpMessage.NOTIFICATION);
        assertThat(daemon.stdout() + daemon.stderr()).contains("hc").doesNotContain("Too many death");
    }

    private static java.util.function.Predicate<BgpMessage> announces(String prefix) {
        return m -> m.type() == BgpMessage.UPDATE && m.announced().contains(prefix);
    }

    private static java.util.function.Predicate<BgpMessage> withdraws(String prefix) {
        return m -> m.type() == BgpMessage.UPDATE && m.withdrawn().contains(prefix);
    }
}
