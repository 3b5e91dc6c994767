package org.jexabgp.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/** Static routes from the configuration reach a real peer byte for byte, then the daemon leaves by itself. */
@ParameterizedClass(name = "asyncio={0}")
@ValueSource(booleans = {false, true})
class ConfigRoutesIT extends EndToEnd {
    ConfigRoutesIT(boolean asyncio) {
        super(asyncio);
    }

    @Test
    void twoStaticRoutesThenEndOfRibThenExitWhenThePeerLeaves() throws Exception {
        TestPeer peer = peer("127.0.0.1", 65002);
        Path conf = file("routes.conf", """
                neighbor 127.0.0.1 {
                    router-id 10.0.0.1;
                    local-address 127.0.0.1;
                    local-as 65001;
                    peer-as 65002;
                    hold-time 30;
                    family {
                        ipv4 unicast;
                    }
                    static {
                        route 10.1.0.0/24 next-hop 192.0.2.1 med 50 community 65001:100;
                        route 10.2.0.0/16 next-hop 192.0.2.1 med 50 community 65001:100;
                    }
                }
                """);
        DaemonProcess daemon = daemon(DaemonProcess.server(asyncio, peer.port(), 1), conf);

        peer.awaitEndOfRib(Await.TIMEOUT);
        List<BgpMessage> seen = peer.received();
        assertThat(seen).extracting(BgpMessage::type).startsWith(BgpMessage.OPEN, BgpMessage.KEEPALIVE);

        // wire.md §3.1: version 4, my-AS 65001 (FDE9), hold-time 30 (001E), BGP-id 10.0.0.1, 16 bytes of parameters;
        // each capability in its own parameter, MP ipv4/unicast first, then 4-octet ASN 65001; route-refresh,
        // extended-message … have empty values and are not sent
        assertThat(seen.getFirst().body().hex())
                .isEqualTo("04" + "FDE9" + "001E" + "0A000001" + "10"
                        + "02060104" + "0001" + "00" + "01"
                        + "02064104" + "0000FDE9");

        // both routes share their attributes, so one UPDATE (wire.md §9.2) — RFC 4271 §4.3 layout:
        String update = BgpMessage.MARKER + "0040" + "02" // 64 bytes, UPDATE
                + "0000" // no withdrawn routes
                + "0022" // 34 bytes of path attributes, in type-code order (wire.md §9.3 step 4):
                + "40010100" // ORIGIN (well-known, 1 byte) IGP, the default
                + "400206" + "02" + "01" + "0000FDE9" // AS_PATH: eBGP → one AS_SEQUENCE of our ASN, 4-octet (ASN4)
                + "400304" + "C0000201" // NEXT_HOP 192.0.2.1
                + "800404" + "00000032" // MULTI_EXIT_DISC (optional) 50; no LOCAL_PREF on eBGP
                + "C00804" + "FDE90064" // COMMUNITY (optional transitive) 65001:100
                + "10" + "0A02" // NLRI sorted mask length first (wire.md §9.3 step 1): 10.2.0.0/16
                + "18" + "0A0100"; //                                                 then 10.1.0.0/24
        List<BgpMessage> updates = peer.updates();
        assertThat(updates).extracting(BgpMessage::hex)
                .containsExactly(update, BgpMessage.MARKER + "0017" + "02" + "00000000"); // then End-of-RIB

        peer.closeConnection();
        // exabgp_tcp_connections=1: no second attempt, no peer left → exit 0 (runtime.md §2.2 tcp.attempts)
        assertThat(daemon.awaitExit(Duration.ofSeconds(10))).as(daemon::log).isZero();
        assertThat(peer.connections()).isEqualTo(1);
    }
}
