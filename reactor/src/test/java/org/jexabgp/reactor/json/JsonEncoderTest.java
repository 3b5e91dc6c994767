package org.jexabgp.reactor.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.jexabgp.reactor.EventContext;
import org.jexabgp.wire.Afi;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.attribute.Med;
import org.jexabgp.wire.attribute.NextHop;
import org.jexabgp.wire.attribute.Origin;
import org.jexabgp.wire.capability.Asn4;
import org.jexabgp.wire.capability.ExtendedMessage;
import org.jexabgp.wire.capability.Multiprotocol;
import org.jexabgp.wire.capability.RouteRefresh;
import org.jexabgp.wire.message.Keepalive;
import org.jexabgp.wire.message.Message;
import org.jexabgp.wire.message.MessageCodec;
import org.jexabgp.wire.message.Notification;
import org.jexabgp.wire.message.Open;
import org.jexabgp.wire.message.RouteUpdate;
import org.jexabgp.wire.message.Update;
import org.jexabgp.wire.nlri.inet.InetNlri;
import org.junit.jupiter.api.Test;

/** Exact JSON of every event kind (json.md §3–§7, §10) with the volatile envelope values pinned. */
class JsonEncoderTest {
    private static final EventContext CONTEXT = new EventContext("vm", 18818, 1, () -> 1795333613.4000738);
    private static final JsonEncoder JSON = new JsonEncoder(CONTEXT);
    private static final EventNeighbor WHO = new EventNeighbor("127.0.30.1", "127.0.30.2", 65001, 65002);
    private static final String HEAD = "{\"exabgp\":\"5.0.0\",\"time\":1795333613.4000738,\"host\":\"vm\",\"pid\":18818,"
            + "\"ppid\":1,";
    private static final String NEIGHBOR = "\"neighbor\":{\"address\":{\"local\":\"127.0.30.1\",\"peer\":\"127.0.30.2\"},"
            + "\"asn\":{\"local\":65001,\"peer\":65002}";
    private static final Negotiated SESSION = new Negotiated(
            65001, 65002, true, 65535, 30, List.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST), Set.of(Family.IPV4_UNICAST),
            Set.of(), Set.of(new Negotiated.NextHopFamily(Family.IPV4_UNICAST, Afi.IPV6)), Negotiated.Refresh.ENHANCED,
            false, true, false);
    private static final String NEGOTIATED = "\"negotiated\":{\"message_size\":65535,\"hold_time\":30,\"asn4\":true,"
            + "\"multisession\":false,\"operational\":true,\"refresh\":\"enhanced\","
            + "\"families\":[\"ipv4 unicast\",\"ipv6 unicast\"],\"nexthop\":[\"ipv4 unicast ipv6\"],"
            + "\"add_path\":{\"send\":[\"ipv4 unicast\"],\"receive\":[]}}";

    private static String event(long counter, String type, String payload) {
        return HEAD + "\"counter\":" + counter + ",\"type\":\"" + type + "\"," + NEIGHBOR + payload + "}}";
    }

    private static String copy(Message m, boolean received, MessageForm form, boolean negotiated) {
        Bytes raw = MessageCodec.encode(m, SESSION);
        return valid(JSON.message(WHO, 7, m, Direction.of(received), raw, form, SESSION, negotiated));
    }

    /** Every event must parse as JSON (json.md §10: the seed's invalid lines are not reproduced). */
    private static String valid(String line) {
        try (JsonParser p = new JsonFactory().createParser(line)) {
            while (p.nextToken() != null) {
                // reading to the end is the check
            }
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
        return line;
    }

    @Test
    void stateEvents() {
        assertThat(valid(JSON.state(WHO, 1, "connected", null)))
                .isEqualTo(event(1, "state", ",\"state\":\"connected\""));
        assertThat(JSON.state(WHO, 2, "up", null)).isEqualTo(event(2, "state", ",\"state\":\"up\""));
        // json.md §4.1: brackets become parentheses in JSON
        assertThat(JSON.state(WHO, 44, "down", "stop, message [shutting down]"))
                .isEqualTo(event(44, "state", ",\"state\":\"down\",\"reason\":\"stop, message (shutting down)\""));
    }

    @Test
    void fsmSignalNegotiated() {
        assertThat(JSON.fsm(WHO, 2, "ACTIVE")).isEqualTo(event(2, "fsm", ",\"state\":\"ACTIVE\""));
        assertThat(JSON.signal(WHO, 269, "SIGUSR1", 10))
                .isEqualTo(event(269, "signal", ",\"code\":\"10\",\"name\":\"SIGUSR1\""));
        assertThat(valid(JSON.negotiated(WHO, 8, SESSION))).isEqualTo(event(8, "negotiated", "," + NEGOTIATED));
    }

    /** json.md §5.1: names as keys for a sent OPEN (empty capabilities included), decimal codes for a received one. */
    @Test
    void open() {
        Open open = new Open(
                4,
                65001,
                30,
                IpAddress.parse("10.0.0.1"),
                List.of(new Multiprotocol(Family.IPV4_UNICAST), new Asn4(65001), new RouteRefresh(), new ExtendedMessage()));
        String caps = "{\"multiprotocol\":{\"name\":\"multiprotocol\",\"families\":[\"ipv4/unicast\"]},"
                + "\"asn4\":{\"name\":\"asn4\",\"asn4\":65001},"
                + "\"route-refresh\":{\"name\":\"route-refresh\",\"variant\":\"RFC\"},"
                + "\"extended-message\":{\"name\":\"extended-message\",\"size\":65535}}";
        String body = ",\"open\":{\"version\":4,\"asn\":65001,\"hold_time\":30,\"router_id\":\"10.0.0.1\",\"capabilities\":";
        assertThat(copy(open, false, MessageForm.PARSED, false))
                .isEqualTo(event(7, "open", ",\"direction\":\"send\"" + body + caps + "}"));
        String received = "{\"1\":{\"name\":\"multiprotocol\",\"families\":[\"ipv4/unicast\"]},"
                + "\"65\":{\"name\":\"asn4\",\"asn4\":65001},"
                + "\"2\":{\"name\":\"route-refresh\",\"variant\":\"RFC\"},"
                + "\"6\":{\"name\":\"extended-message\",\"size\":65535}}";
        assertThat(copy(open, true, MessageForm.PARSED, false))
                .isEqualTo(event(7, "open", ",\"direction\":\"receive\"" + body + received + "}"));
    }

    @Test
    void keepalive() {
        assertThat(copy(Keepalive.INSTANCE, false, MessageForm.PARSED, false))
                .isEqualTo(event(7, "keepalive", ",\"direction\":\"send\""));
    }

    /** json.md §5.3: attributes without next-hop, announce grouped by family then next hop, negotiated appended. */
    @Test
    void updateAnnounceAndWithdraw() {
        Update update = new Update(
                List.of(InetNlri.of(Family.IPV4_UNICAST, "10.3.0.0/24")),
                List.of(new Origin(Origin.IGP), new NextHop(IpAddress.parse("127.0.30.2")), new Med(100)),
                List.of(InetNlri.of(Family.IPV4_UNICAST, "10.1.0.0/24"), InetNlri.of(Family.IPV4_UNICAST, "10.2.0.0/24")));
        String message = ",\"message\":{\"update\":{\"attribute\":{\"origin\":\"igp\",\"med\":100},"
                + "\"announce\":{\"ipv4 unicast\":{\"127.0.30.2\":[{\"nlri\":\"10.1.0.0/24\"},{\"nlri\":\"10.2.0.0/24\"}]}},"
                + "\"withdraw\":{\"ipv4 unicast\":[{\"nlri\":\"10.3.0.0/24\"}]}}}";
        assertThat(copy(RouteUpdate.of(update), true, MessageForm.PARSED, true))
                .isEqualTo(event(7, "update", ",\"direction\":\"receive\"" + message + "," + NEGOTIATED));
        // a pure classic withdrawal has no "attribute" (json.md §5.3)
        Update withdraw = new Update(List.of(InetNlri.of(Family.IPV4_UNICAST, "10.1.0.0/24")), List.of(), List.of());
        assertThat(copy(RouteUpdate.of(withdraw), true, MessageForm.PARSED, false))
                .isEqualTo(event(
                        7,
                        "update",
                        ",\"direction\":\"receive\",\"message\":{\"update\":{\"withdraw\":{\"ipv4 unicast\":"
                                + "[{\"nlri\":\"10.1.0.0/24\"}]}}}"));
    }

    /** json.md §5.4: "message" holds "eor" directly. */
    @Test
    void endOfRib() {
        assertThat(copy(RouteUpdate.of(Update.endOfRib(Family.IPV6_UNICAST)), false, MessageForm.PARSED, false))
                .isEqualTo(event(
                        7,
                        "update",
                        ",\"direction\":\"send\",\"message\":{\"eor\":{\"afi\":\"ipv6\",\"safi\":\"unicast\"}}"));
    }

    /** json.md §5.7 (valid variant) and §5.8. */
    @Test
    void refreshAndNotification() {
        assertThat(copy(org.jexabgp.wire.message.RouteRefresh.request(Family.IPV4_UNICAST), true, MessageForm.PARSED, false))
                .isEqualTo(event(
                        7,
                        "refresh",
                        ",\"direction\":\"receive\",\"route-refresh\":{\"afi\":\"ipv4\",\"safi\":\"unicast\","
                                + "\"subtype\":\"query\"}"));
        assertThat(copy(Notification.of(6, 4, ""), false, MessageForm.PARSED, false))
                .isEqualTo(event(
                        7,
                        "notification",
                        ",\"direction\":\"send\",\"notification\":{\"code\":6,\"subcode\":4,"
                                + "\"data\":\"0x1441646D696E697374726174697665205265736574\","
                                + "\"message\":\"Administrative Reset\"}"));
        // received: the reported text, quotes escaped (json.md §10 J4), data = that text's bytes
        assertThat(copy(Notification.of(6, 2, "bye"), true, MessageForm.PARSED, false))
                .isEqualTo(event(
                        7,
                        "notification",
                        ",\"direction\":\"receive\",\"notification\":{\"code\":6,\"subcode\":2,"
                                + "\"data\":\"0x53687574646F776E20436F6D6D756E69636174696F6E3A202262796522\","
                                + "\"message\":\"Shutdown Communication: \\\"bye\\\"\"}"));
    }

    /** json.md §6: the message name as type, category, header and body hex, negotiated appended. */
    @Test
    void packetsForm() {
        String keepalive = ",\"direction\":\"send\",\"message\":{\"category\":4,"
                + "\"header\":\"0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF001304\",\"body\":\"0x\"}," + NEGOTIATED;
        assertThat(copy(Keepalive.INSTANCE, false, MessageForm.PACKETS, true))
                .isEqualTo(event(7, "keepalive", keepalive));
        String refresh = ",\"direction\":\"receive\",\"message\":{\"category\":5,"
                + "\"header\":\"0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF001705\",\"body\":\"0x00010001\"}";
        assertThat(copy(org.jexabgp.wire.message.RouteRefresh.request(Family.IPV4_UNICAST), true, MessageForm.PACKETS, false))
                .isEqualTo(event(7, "route-refresh", refresh));
    }

    /** json.md §7: header and body between type and neighbor; an empty body is omitted. */
    @Test
    void consolidateForm() {
        assertThat(copy(Keepalive.INSTANCE, true, MessageForm.CONSOLIDATE, false))
                .isEqualTo(HEAD + "\"counter\":7,\"type\":\"keepalive\","
                        + "\"header\":\"0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF001304\"," + NEIGHBOR
                        + ",\"direction\":\"receive\"}}");
        assertThat(copy(Notification.of(6, 4, ""), false, MessageForm.CONSOLIDATE, false))
                .startsWith(HEAD + "\"counter\":7,\"type\":\"notification\","
                        + "\"header\":\"0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF002A03\","
                        + "\"body\":\"0x06041441646D696E697374726174697665205265736574\"," + NEIGHBOR);
    }

    /** json.md §5.10: no counter, no neighbour. */
    @Test
    void shutdown() {
        assertThat(JSON.shutdown()).isEqualTo(HEAD + "\"type\":\"notification\",\"notification\":\"shutdown\"}");
    }

    @Test
    void pythonNumbers() {
        assertThat(Numbers.python(1795333342.193172)).isEqualTo("1795333342.193172");
        assertThat(Numbers.python(125000000.0)).isEqualTo("125000000.0");
        assertThat(Numbers.python(0.5)).isEqualTo("0.5");
        assertThat(Numbers.python(-1.0E7)).isEqualTo("-10000000.0");
        assertThat(Numbers.python(1.0E-5)).isEqualTo("0.000010");
        assertThat(Numbers.python(1795333342193L / 1000.0)).isEqualTo("1795333342.193");
        assertThat(Numbers.python(1795333342190L / 1000.0)).isEqualTo("1795333342.19");
        assertThat(Numbers.python(1795333342005L / 1000.0)).isEqualTo("1795333342.005");
        assertThat(Numbers.python(1795333342000L / 1000.0)).isEqualTo("1795333342.0");
    }

    @Test
    void pythonNumbersAreThePlainFormOfTheShortestDigits() {
        // the plain decimal form of Java's shortest round-trip digits, whatever the exponent
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            double v = switch (i % 4) {
                case 0 -> random.nextDouble() * Math.pow(10, random.nextInt(-12, 22));
                case 1 -> -random.nextLong(1, Long.MAX_VALUE) / 1e6;
                // event times: milliseconds over 1000, from before 1970 + 116 days to past the 2^42 s bound
                case 2 -> random.nextLong(9_000_000_000L, 5_000_000_000_000_000L) / 1000.0;
                default -> Double.longBitsToDouble(random.nextLong());
            };
            if (Double.isNaN(v) || Double.isInfinite(v)) continue;
            String plain = new java.math.BigDecimal(Double.toString(v)).toPlainString();
            if (plain.indexOf('.') < 0) plain += ".0";
            assertThat(Numbers.python(v)).as("%s", Double.toString(v)).isEqualTo(plain);
            assertThat(Double.parseDouble(Numbers.python(v))).isEqualTo(v);
        }
    }
}
