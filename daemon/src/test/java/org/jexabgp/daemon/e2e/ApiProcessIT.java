package org.jexabgp.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/** An API program drives the daemon through its stdin/stdout (api.md §1–§4) and reads its events (json.md §3–§5). */
@ParameterizedClass(name = "asyncio={0}")
@ValueSource(booleans = {false, true})
class ApiProcessIT extends EndToEnd {
    ApiProcessIT(boolean asyncio) {
        super(asyncio);
    }

    /** iBGP 65001, announce 10.0.0.0/24 next-hop 1.2.3.4 (api.md §4.1). */
    static final String ANNOUNCE = BgpMessage.MARKER + "0030" + "02" // 48 bytes, UPDATE (RFC 4271 §4.3)
            + "0000" // no withdrawn routes
            + "0015" // 21 bytes of attributes, ascending type code (wire.md §9.3 step 4)
            + "40010100" // ORIGIN IGP (default)
            + "400200" // AS_PATH empty: iBGP (wire.md §7)
            + "40030401020304" // NEXT_HOP 1.2.3.4
            + "40050400000064" // LOCAL_PREF 100, the iBGP default
            + "180A0000"; // NLRI 10.0.0.0/24

    /** Its withdrawal: classic Withdrawn Routes field, no attributes at all (wire.md §9.3 step 6). */
    static final String WITHDRAW = BgpMessage.MARKER + "001B" + "02" // 27 bytes, UPDATE
            + "0004" + "180A0000" // 4 bytes of withdrawn routes: 10.0.0.0/24
            + "0000"; // no attributes, no NLRI

    static String neighbor(int port, String api) {
        return neighbor(port, api, 30);
    }

    /** An iBGP neighbour 127.0.0.1 reached on the test peer's port, with the given api block content. */
    static String neighbor(int port, String api, int holdTime) {
        return """
                neighbor 127.0.0.1 {
                    router-id 10.0.0.1;
                    local-address 127.0.0.1;
                    local-as 65001;
                    peer-as 65001;
                    hold-time %d;
                    connect %d;
                    family {
                        ipv4 unicast;
                    }
                    api {
                %s
                    }
                }
                """.formatted(holdTime, port, api.indent(8).stripTrailing());
    }

    @Test
    void announceWithdrawAnswersEventsAndReceivedUpdate() throws Exception {
        TestPeer peer = peer("127.0.0.1", 0);
        Path program = apiProgram("driver",
                "wait *\"state\"*\"up\"*",
                "announce route 10.0.0.0/24 next-hop 1.2.3.4",
                "withdraw route 10.0.0.0/24 next-hop 1.2.3.4");
        Path conf = file("api.conf", """
                process driver {
                    run %s;
                    encoder json;
                }
                """.formatted(program) + neighbor(peer.port(), """
                processes [ driver ];
                neighbor-changes;
                receive {
                    parsed;
                    update;
                }
                """));
        DaemonProcess daemon = daemon(DaemonProcess.server(asyncio, 179, 1), conf);

        peer.awaitMessage("the withdrawal", m -> m.hex().equals(WITHDRAW), Await.TIMEOUT);
        assertThat(peer.updates()).extracting(BgpMessage::hex).filteredOn(h -> !h.endsWith("0200000000"))
                .containsExactly(ANNOUNCE, WITHDRAW);
        assertThat(peer.updates()).filteredOn(BgpMessage::isIpv4Eor).hasSize(1);

        // the peer announces 198.51.100.0/24, ORIGIN EGP, next-hop 192.0.2.1 (RFC 4271 §4.3, §5.1.1)
        peer.send(BgpMessage.of(BgpMessage.UPDATE, "0000" + "0015"
                + "40010101" // ORIGIN EGP
                + "400200" // AS_PATH empty (iBGP)
                + "400304C0000201" // NEXT_HOP 192.0.2.1
                + "40050400000064" // LOCAL_PREF 100
                + "18C63364")); // 198.51.100.0/24
        List<String> lines = Await.line(seen("driver"), "the received UPDATE", l -> l.contains("198.51.100.0/24"));

        // answers are the plain words, for a json encoder too (api.md §3.1)
        assertThat(lines).filteredOn(l -> l.equals("done") || l.equals("error")).containsExactly("done", "done");

        Object up = lines.stream().filter(l -> l.startsWith("{")).map(Json::parse)
                .filter(j -> "state".equals(Json.at(j, "type")) && "up".equals(Json.at(j, "neighbor", "state")))
                .findFirst().orElseThrow(() -> new AssertionError("no state up event in " + lines));
        assertThat(Json.at(up, "neighbor", "address")).isEqualTo(Map.of("local", "127.0.0.1", "peer", "127.0.0.1"));
        assertThat(Json.at(up, "neighbor", "asn")).isEqualTo(Map.of("local", 65001L, "peer", 65001L));
        assertThat(Json.at(up, "pid")).isEqualTo(daemon.pid());

        Object update = Json.parse(lines.stream().filter(l -> l.contains("198.51.100.0/24")).findFirst().orElseThrow());
        assertThat(Json.at(update, "type")).isEqualTo("update");
        assertThat(Json.at(update, "neighbor", "direction")).isEqualTo("receive");
        assertThat(Json.at(update, "neighbor", "message", "update", "attribute", "origin")).isEqualTo("egp");
        assertThat(Json.at(update, "neighbor", "message", "update", "attribute", "local-preference")).isEqualTo(100L);
        // announce: family → next-hop → NLRIs (json.md §5.3)
        assertThat(Json.at(update, "neighbor", "message", "update", "announce"))
                .isEqualTo(Map.of("ipv4 unicast", Map.of("192.0.2.1", List.of(Map.of("nlri", "198.51.100.0/24")))));

        peer.closeConnection();
        assertThat(daemon.awaitExit(Duration.ofSeconds(10))).as(daemon::log).isZero();
    }

    /** api.md §3.2: with {@code api.ack=false} commands get no answer, but command output is still written. */
    @Test
    void withoutAckNoAnswersButOutput() throws Exception {
        TestPeer peer = peer("127.0.0.1", 0);
        Path program = apiProgram("driver",
                "wait *\"state\"*\"up\"*",
                "nowait announce route 10.0.0.0/24 next-hop 1.2.3.4",
                "nowait version",
                "wait exabgp *");
        Path conf = file("api.conf", """
                process driver {
                    run %s;
                    encoder json;
                }
                """.formatted(program) + neighbor(peer.port(), "processes [ driver ];\nneighbor-changes;"));
        Map<String, String> env = DaemonProcess.server(asyncio, 179, 1);
        env.put("exabgp_api_ack", "false");
        DaemonProcess daemon = daemon(env, conf);

        peer.awaitMessage("the announcement", m -> m.hex().equals(ANNOUNCE), Await.TIMEOUT);
        List<String> lines = Await.line(seen("driver"), "the version", l -> l.startsWith("exabgp "));
        assertThat(lines).doesNotContain("done", "error");

        peer.closeConnection();
        assertThat(daemon.awaitExit(Duration.ofSeconds(10))).as(daemon::log).isZero();
    }

    /** api.md §4.15: {@code shutdown} is answered, then the daemon stops as for SIGTERM (Cease 6/2, exit 0). */
    @Test
    void shutdownCommandStopsTheDaemon() throws Exception {
        TestPeer peer = peer("127.0.0.1", 0);
        Path program = apiProgram("driver", "wait *\"state\"*\"up\"*", "shutdown");
        Path conf = file("api.conf", """
                process driver {
                    run %s;
                    encoder json;
                }
                """.formatted(program) + neighbor(peer.port(), "processes [ driver ];\nneighbor-changes;"));
        // unlimited connections: only the command can make it leave
        DaemonProcess daemon = daemon(DaemonProcess.server(asyncio, 179, 0), conf);

        BgpMessage cease = peer.awaitMessage("a NOTIFICATION", m -> m.type() == BgpMessage.NOTIFICATION,
                Await.TIMEOUT);
        assertThat(cease.notificationCode()).isEqualTo("6/2");
        assertThat(daemon.awaitExit(Duration.ofSeconds(5))).as(daemon::log).isZero();
        // api.md §4: "shutdown in progress", its answer, then the shutdown notice, all before the program is stopped
        Await.line(seen("driver"), "the answer to shutdown", l -> l.equals("done"));
        Await.line(seen("driver"), "the shutdown notice", l -> l.contains("\"notification\":\"shutdown\""));
    }
}
