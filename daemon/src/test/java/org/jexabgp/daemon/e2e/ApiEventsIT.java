package org.jexabgp.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every event type of json.md §4–§7 written to a real program by a real daemon, checked field by field, in both JSON
 * dialects (json.md §11). {@link ApiCoverageTest} reads the {@code @Covers} of these tests.
 */
@ParameterizedClass(name = "asyncio={0}")
@ValueSource(booleans = {false, true})
class ApiEventsIT extends EndToEnd {
    ApiEventsIT(boolean asyncio) {
        super(asyncio);
    }

    /** 198.51.100.0/24 from the peer: ORIGIN IGP, AS_PATH (65001 65010) in 4-byte ASNs, NEXT_HOP, LOCAL_PREF 100. */
    private static final BgpMessage RECEIVED = BgpMessage.of(BgpMessage.UPDATE, "0000" + "001F"
            + "40010100" + "40020A02020000FDE90000FDF2" + "400304C0000201" + "40050400000064" + "18C63364");
    /** ROUTE-REFRESH ipv4 unicast, normal request (RFC 2918 §3). */
    private static final BgpMessage REFRESH = BgpMessage.of(5, "00010001");

    private Path conf(TestPeer peer, Path program, String api) throws Exception {
        return file("events.conf", """
                process watcher {
                    run %s;
                    encoder json;
                }
                """.formatted(program) + ApiProcessIT.neighbor(peer.port(), "processes [ watcher ];\n" + api));
    }

    private static List<Object> events(List<String> lines, String type) {
        return lines.stream().filter(l -> l.startsWith("{")).map(Json::parse)
                .filter(j -> type.equals(Json.at(j, "type"))).toList();
    }

    private static Object first(List<String> lines, String type, String direction) {
        return events(lines, type).stream().filter(j -> Objects.equals(direction, Json.at(j, "neighbor", "direction")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + direction + " " + type + " in " + lines));
    }

    /** The parsed form (json.md §4, §5), dialect 5: a whole session from connect to shutdown. */
    @Test
    @Covers({"state", "fsm", "signal", "negotiated", "open", "keepalive", "update", "eor", "refresh", "notification",
            "shutdown"})
    void parsedEventsOfAWholeSession() throws Exception {
        TestPeer peer = peer("127.0.0.1", 0);
        Path program = apiProgram("watcher",
                "wait *\"state\"*\"up\"*",
                "announce route 10.0.0.0/24 next-hop 1.2.3.4",
                "wait *\"route-refresh\"*",
                "reload",
                "neighbor 127.0.0.1 teardown 2");
        DaemonProcess daemon = daemon(DaemonProcess.server(asyncio, 179, 1), conf(peer, program, """
                neighbor-changes;
                fsm;
                signal;
                negotiated;
                receive {
                    parsed;
                    open;
                    update;
                    keepalive;
                    notification;
                    refresh;
                }
                send {
                    parsed;
                    open;
                    update;
                    keepalive;
                    notification;
                }
                """));
        peer.awaitMessage("the announcement", m -> m.hex().equals(ApiProcessIT.ANNOUNCE), Await.TIMEOUT);
        peer.send(RECEIVED);
        Await.line(seen("watcher"), "the received update", l -> l.contains("198.51.100.0/24"));
        peer.send(REFRESH);
        peer.awaitMessage("the teardown", m -> m.type() == BgpMessage.NOTIFICATION, Await.TIMEOUT);
        assertThat(daemon.awaitExit(Duration.ofSeconds(10))).as(daemon::log).isZero();
        List<String> lines = Await.line(seen("watcher"), "the shutdown notice", l -> l.contains("\"shutdown\""));

        for (String l : lines) if (l.startsWith("{")) assertThat(Json.isValid(l)).as(l).isTrue();
        Object up = events(lines, "state").stream().filter(j -> "up".equals(Json.at(j, "neighbor", "state")))
                .findFirst().orElseThrow();
        assertThat(Json.at(up, "exabgp")).isEqualTo("5.0.0");
        assertThat(Json.at(up, "neighbor", "address")).isEqualTo(Map.of("local", "127.0.0.1", "peer", "127.0.0.1"));
        assertThat(events(lines, "state")).extracting(j -> Json.at(j, "neighbor", "state"))
                .containsSubsequence("connected", "up", "down");
        Object down = events(lines, "state").getLast();
        assertThat(Json.at(down, "neighbor", "reason")).asString().contains("(6,2)");
        // counter: per neighbour, one more per event (json.md §3)
        List<Long> counters = lines.stream().filter(l -> l.contains("\"counter\"")).map(Json::parse)
                .map(j -> (Long) Json.at(j, "counter")).toList();
        for (int i = 1; i < counters.size(); i++) assertThat(counters.get(i)).isEqualTo(counters.get(i - 1) + 1);

        assertThat(events(lines, "fsm")).extracting(j -> Json.at(j, "neighbor", "state")).contains("ESTABLISHED");
        Object negotiated = events(lines, "negotiated").getFirst();
        assertThat(Json.at(negotiated, "neighbor", "negotiated", "families")).isEqualTo(List.of("ipv4 unicast"));
        assertThat(Json.at(negotiated, "neighbor", "negotiated", "hold_time")).isEqualTo(30L);
        assertThat(Json.at(negotiated, "neighbor", "negotiated", "asn4")).isEqualTo(true);

        Object sentOpen = first(lines, "open", "send");
        assertThat(Json.at(sentOpen, "neighbor", "open", "asn")).isEqualTo(65001L);
        assertThat(Json.at(sentOpen, "neighbor", "open", "router_id")).isEqualTo("10.0.0.1");
        assertThat(Json.at(sentOpen, "neighbor", "open", "capabilities", "multiprotocol", "families"))
                .isEqualTo(List.of("ipv4/unicast"));
        Object receivedOpen = first(lines, "open", "receive");
        assertThat(((Map<?, ?>) Json.at(receivedOpen, "neighbor", "open", "capabilities")).keySet())
                .isEqualTo(java.util.Set.of("1", "65"));
        first(lines, "keepalive", "send");
        first(lines, "keepalive", "receive");

        Object received = events(lines, "update").stream().filter(j -> "receive".equals(
                Json.at(j, "neighbor", "direction")) && Json.at(j, "neighbor", "message", "update") != null)
                .findFirst().orElseThrow();
        assertThat(Json.at(received, "neighbor", "message", "update", "attribute", "as-path"))
                .isEqualTo(Map.of("0", Map.of("element", "as-sequence", "value", List.of(65001L, 65010L))));
        assertThat(Json.at(received, "neighbor", "message", "update", "announce"))
                .isEqualTo(Map.of("ipv4 unicast", Map.of("192.0.2.1", List.of(Map.of("nlri", "198.51.100.0/24")))));
        Object sent = events(lines, "update").stream().filter(j -> "send".equals(Json.at(j, "neighbor", "direction"))
                && Json.at(j, "neighbor", "message", "update") != null).findFirst().orElseThrow();
        assertThat(Json.at(sent, "neighbor", "message", "update", "announce"))
                .isEqualTo(Map.of("ipv4 unicast", Map.of("1.2.3.4", List.of(Map.of("nlri", "10.0.0.0/24")))));
        // json.md §2: sent updates always carry "negotiated"
        assertThat(Json.at(sent, "neighbor", "negotiated", "message_size")).isEqualTo(4096L);
        Object eor = events(lines, "update").stream().filter(j -> Json.at(j, "neighbor", "message", "eor") != null)
                .findFirst().orElseThrow();
        assertThat(Json.at(eor, "neighbor", "message", "eor")).isEqualTo(Map.of("afi", "ipv4", "safi", "unicast"));

        assertThat(Json.at(first(lines, "refresh", "receive"), "neighbor", "route-refresh"))
                .isEqualTo(Map.of("afi", "ipv4", "safi", "unicast", "subtype", "query"));
        assertThat(Json.at(events(lines, "signal").getFirst(), "neighbor"))
                .extracting(n -> ((Map<?, ?>) n).get("code"), n -> ((Map<?, ?>) n).get("name"))
                .containsExactly("0", "none");
        Object notification = first(lines, "notification", "send");
        assertThat(Json.at(notification, "neighbor", "notification", "code")).isEqualTo(6L);
        assertThat(Json.at(notification, "neighbor", "notification", "subcode")).isEqualTo(2L);
        assertThat(Json.at(notification, "neighbor", "notification", "message")).isNotNull();
        Object shutdown = events(lines, "notification").getLast();
        assertThat(Json.at(shutdown, "notification")).isEqualTo("shutdown");
        assertThat(Json.at(shutdown, "neighbor")).isNull();
    }

    /** The packets form (json.md §6) in the 4.x dialect (json.md §11): version 4.0.1, raw hex. */
    @Test
    @Covers({"packets", "dialect-4"})
    void packetsInTheFourDialect() throws Exception {
        TestPeer peer = peer("127.0.0.1", 0);
        Path program = apiProgram("watcher", "wait *198.51.100*");
        Map<String, String> env = DaemonProcess.server(asyncio, 179, 1);
        env.put("exabgp_api_json_version", "4");
        DaemonProcess daemon = daemon(env, conf(peer, program, """
                receive {
                    packets;
                    update;
                }
                """));
        peer.awaitEndOfRib(Await.TIMEOUT);
        peer.send(RECEIVED);
        List<String> lines = Await.line(seen("watcher"), "the packet", l -> l.contains("C63364"));
        Object update = Json.parse(lines.stream().filter(l -> l.contains("C63364")).findFirst().orElseThrow());
        assertThat(Json.at(update, "exabgp")).isEqualTo("4.0.1");
        assertThat(Json.at(update, "type")).isEqualTo("update");
        assertThat(Json.at(update, "neighbor", "message", "category")).isEqualTo(2L);
        assertThat(Json.at(update, "neighbor", "message", "header")).isEqualTo("0x" + BgpMessage.MARKER + "003A02");
        assertThat(Json.at(update, "neighbor", "message", "body")).isEqualTo("0x" + RECEIVED.body().hex());
        peer.closeConnection();
        assertThat(daemon.awaitExit(Duration.ofSeconds(10))).as(daemon::log).isZero();
    }

    /** The consolidate form (json.md §7) in the 4.x dialect: 4.x's flat AS path next to the raw message. */
    @Test
    @Covers({"consolidate", "dialect-4"})
    void consolidateInTheFourDialect() throws Exception {
        TestPeer peer = peer("127.0.0.1", 0);
        Path program = apiProgram("watcher", "wait *198.51.100*");
        Map<String, String> env = DaemonProcess.server(asyncio, 179, 1);
        env.put("exabgp.api.json-version", "4");
        DaemonProcess daemon = daemon(env, conf(peer, program, """
                receive {
                    parsed;
                    packets;
                    consolidate;
                    update;
                }
                """));
        peer.awaitEndOfRib(Await.TIMEOUT);
        peer.send(RECEIVED);
        List<String> lines = Await.line(seen("watcher"), "the update", l -> l.contains("198.51.100"));
        Object update = Json.parse(lines.stream().filter(l -> l.contains("198.51.100")).findFirst().orElseThrow());
        assertThat(Json.at(update, "exabgp")).isEqualTo("4.0.1");
        assertThat(Json.at(update, "header")).isEqualTo("0x" + BgpMessage.MARKER + "003A02");
        assertThat(Json.at(update, "body")).isEqualTo("0x" + RECEIVED.body().hex());
        Object attribute = Json.at(update, "neighbor", "message", "update", "attribute");
        assertThat(Json.at(attribute, "as-path")).isEqualTo(List.of(65001L, 65010L));
        assertThat(Json.at(attribute, "confederation-path")).isEqualTo(List.of());
        assertThat(Json.at(attribute, "origin")).isEqualTo("igp");
        peer.closeConnection();
        assertThat(daemon.awaitExit(Duration.ofSeconds(10))).as(daemon::log).isZero();
    }
}
