package org.jexabgp.reactor.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jexabgp.reactor.EventContext;
import org.jexabgp.wire.Afi;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.attribute.Aggregator;
import org.jexabgp.wire.attribute.AsPath;
import org.jexabgp.wire.attribute.AtomicAggregate;
import org.jexabgp.wire.attribute.ClusterList;
import org.jexabgp.wire.attribute.Communities;
import org.jexabgp.wire.attribute.Community;
import org.jexabgp.wire.attribute.ExtendedCommunities;
import org.jexabgp.wire.attribute.ExtendedCommunity;
import org.jexabgp.wire.attribute.LargeCommunities;
import org.jexabgp.wire.attribute.LargeCommunity;
import org.jexabgp.wire.attribute.LocalPref;
import org.jexabgp.wire.attribute.Med;
import org.jexabgp.wire.attribute.NextHop;
import org.jexabgp.wire.attribute.Origin;
import org.jexabgp.wire.attribute.OriginatorId;
import org.jexabgp.wire.capability.Asn4;
import org.jexabgp.wire.capability.Multiprotocol;
import org.jexabgp.wire.capability.Operational;
import org.jexabgp.wire.capability.RouteRefresh;
import org.jexabgp.wire.message.Keepalive;
import org.jexabgp.wire.message.Message;
import org.jexabgp.wire.message.MessageCodec;
import org.jexabgp.wire.message.Notification;
import org.jexabgp.wire.message.Open;
import org.jexabgp.wire.message.OperationalContent;
import org.jexabgp.wire.message.OperationalType;
import org.jexabgp.wire.message.RouteUpdate;
import org.jexabgp.wire.message.Update;
import org.jexabgp.wire.nlri.inet.InetNlri;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every event type (json.md §4–§7, §5.10) in both dialects (json.md §11), against golden files
 * ({@code src/test/resources/events/json-<version>.golden}, one {@code name json} per line). Each line is read by a
 * strict JSON parser: duplicate keys, trailing content, comments, single quotes, NaN are all errors. Messages go
 * through the codec first, so received copies are rendered from decoded bytes as the daemon does.
 *
 * <p>To review a change of output: run with the environment variable {@code JEXABGP_GOLDEN_WRITE=DIR}, which writes
 * the files there, and compare them with the ones checked in.
 */
class EventGoldenTest {
    private static final EventContext CONTEXT = new EventContext("vm", 18818, 1, () -> 1795333613.4000738);
    private static final EventNeighbor WHO = new EventNeighbor("127.0.30.1", "127.0.30.2", 65001, 65002);
    /** What the negotiated event shows: every list of json.md §4.4 filled. */
    private static final Negotiated NEGOTIATED = new Negotiated(
            65001, 65002, true, 65535, 30, List.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST),
            Set.of(Family.IPV4_UNICAST), Set.of(Family.IPV6_UNICAST),
            Set.of(new Negotiated.NextHopFamily(Family.IPV4_UNICAST, Afi.IPV6)),
            Negotiated.Refresh.ENHANCED, false, true, false);
    /** The session messages are encoded and decoded with: no ADD-PATH, so both directions read the same bytes. */
    private static final Negotiated SESSION = new Negotiated(
            65001, 65002, true, 65535, 30, List.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST), Set.of(), Set.of(),
            Set.of(), Negotiated.Refresh.ENHANCED, false, true, false);

    /** ipv4 unicast, every common attribute, an AS path with each segment kind, an IPv4-address route origin. */
    private static final Update FULL = new Update(
            List.of(InetNlri.of(Family.IPV4_UNICAST, "10.3.0.0/24")),
            List.of(
                    new Origin(Origin.IGP),
                    new AsPath(List.of(
                            AsPath.Segment.sequence(65002, 65010),
                            AsPath.Segment.set(65020, 65021),
                            new AsPath.Segment(AsPath.AS_CONFED_SEQUENCE, new long[] {65100}),
                            new AsPath.Segment(AsPath.AS_CONFED_SET, new long[] {65200, 65201}))),
                    new NextHop(IpAddress.parse("127.0.30.2")),
                    new Med(100),
                    new LocalPref(200),
                    new AtomicAggregate(),
                    new Aggregator(65002, IpAddress.parse("1.2.3.4")),
                    Communities.of(Community.of(65002, 100), Community.of(65535, 65281)),
                    new OriginatorId(IpAddress.parse("1.1.1.1")),
                    new ClusterList(List.of(IpAddress.parse("2.2.2.2"))),
                    ExtendedCommunities.of(
                            ExtendedCommunity.target(65002, 1),
                            ExtendedCommunity.of(0x01, 0x03, 0x0102_0304_0005L)), // origin 1.2.3.4:5
                    LargeCommunities.of(new LargeCommunity(65002, 1, 2))),
            List.of(InetNlri.of(Family.IPV4_UNICAST, "10.1.0.0/24"), InetNlri.of(Family.IPV4_UNICAST, "10.2.0.0/24")));

    /** iBGP: an empty AS path, which 5.0 leaves out and 4.x prints as empty lists. */
    private static final Update IBGP = new Update(
            List.of(),
            List.of(new Origin(Origin.EGP), AsPath.EMPTY, new NextHop(IpAddress.parse("192.0.2.1")),
                    new LocalPref(100)),
            List.of(InetNlri.of(Family.IPV4_UNICAST, "198.51.100.0/24")));

    private static final Open OPEN = new Open(4, 65001, 30, IpAddress.parse("10.0.0.1"), List.of(
            new Multiprotocol(Family.IPV4_UNICAST), new Asn4(65001), new RouteRefresh(), new Operational()));

    private static final IpAddress RID = IpAddress.parse("10.0.0.1");

    /** Every event, by golden name, as the daemon would render it. */
    private static Map<String, String> events(JsonEncoder json) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("state-connected", json.state(WHO, 1, "connected", null));
        out.put("state-up", json.state(WHO, 2, "up", null));
        out.put("state-down", json.state(WHO, 3, "down", "stop, message [shutting down] \"quoted\""));
        out.put("fsm", json.fsm(WHO, 4, "OPENCONFIRM"));
        out.put("signal", json.signal(WHO, 5, "SIGUSR1", 10));
        out.put("signal-api", json.signal(WHO, 6, "none", 0));
        out.put("negotiated", json.negotiated(WHO, 7, NEGOTIATED));
        for (MessageForm form : MessageForm.values()) {
            String f = form.name().toLowerCase(java.util.Locale.ROOT);
            out.put("open-send-" + f, copy(json, OPEN, false, form, false));
            out.put("open-receive-" + f, copy(json, OPEN, true, form, false));
            out.put("keepalive-" + f, copy(json, Keepalive.INSTANCE, true, form, false));
            out.put("update-" + f, copy(json, RouteUpdate.of(FULL), true, form, true));
            out.put("update-send-" + f, copy(json, RouteUpdate.of(FULL), false, form, true));
            out.put("update-ibgp-" + f, copy(json, RouteUpdate.of(IBGP), true, form, false));
            out.put("eor-" + f, copy(json, RouteUpdate.of(Update.endOfRib(Family.IPV6_UNICAST)), true, form, false));
            out.put("refresh-" + f, copy(json, org.jexabgp.wire.message.RouteRefresh.request(Family.IPV4_UNICAST),
                    true, form, false));
            out.put("notification-send-" + f, copy(json, Notification.of(6, 4, ""), false, form, false));
            out.put("notification-receive-" + f, copy(json, Notification.of(6, 2, "bye \"now\""), true, form, false));
            out.put("operational-advisory-" + f, copy(json, org.jexabgp.wire.message.Operational.of(
                    new OperationalContent.Advisory(OperationalType.ASM, Family.IPV4_UNICAST, "maintenance")),
                    true, form, false));
            out.put("operational-query-" + f, copy(json, org.jexabgp.wire.message.Operational.of(
                    new OperationalContent.Query(OperationalType.RPCQ, Family.IPV4_UNICAST, RID, 1)), true, form,
                    false));
            out.put("operational-counter-" + f, copy(json, org.jexabgp.wire.message.Operational.of(
                    new OperationalContent.Reply(OperationalType.RPCP, Family.IPV4_UNICAST, RID, 1, 99)), true, form,
                    false));
        }
        out.put("shutdown", json.shutdown());
        return out;
    }

    /** Encoded then, for a received copy, decoded again: what the peer step hands to the events. */
    private static String copy(JsonEncoder json, Message m, boolean received, MessageForm form, boolean negotiated)
            throws Exception {
        Bytes raw = MessageCodec.encode(m, SESSION);
        Message shown = received ? MessageCodec.decode(raw, SESSION) : m;
        return json.message(WHO, 9, shown, Direction.of(received), raw, form, SESSION, negotiated);
    }

    @ParameterizedTest
    @EnumSource(JsonDialect.class)
    void everyEventMatchesItsGoldenLineAndIsStrictJson(JsonDialect dialect) throws Exception {
        Map<String, String> rendered = events(new JsonEncoder(CONTEXT, dialect));
        String file = "json-" + (dialect == JsonDialect.V4 ? 4 : 5) + ".golden";
        String write = System.getenv("JEXABGP_GOLDEN_WRITE");
        if (write != null) {
            StringBuilder b = new StringBuilder("# " + file + ": EventGoldenTest, json.md §4-§7 and §11\n");
            rendered.forEach((k, v) -> b.append(k).append(' ').append(v).append('\n'));
            Files.writeString(Path.of(write, file), b.toString());
        }
        Map<String, String> golden = golden(file);
        for (Map.Entry<String, String> e : rendered.entrySet()) {
            strict(e.getValue());
            assertThat(e.getValue()).as("%s in %s", e.getKey(), file).isEqualTo(golden.get(e.getKey()));
        }
        // a golden line for an event no longer rendered is a test that silently stopped running
        assertThat(golden.keySet()).containsExactlyElementsOf(rendered.keySet());
    }

    /** The 4.x dialect differs from 5.0 exactly where json.md §11 says, and nowhere else. */
    @Test
    void dialectsDifferOnlyWhereJsonMdSays() throws Exception {
        Map<String, String> five = events(new JsonEncoder(CONTEXT, JsonDialect.V5));
        Map<String, String> four = events(new JsonEncoder(CONTEXT, JsonDialect.V4));
        for (String name : five.keySet()) {
            String expected = five.get(name).replace("\"exabgp\":\"5.0.0\"", "\"exabgp\":\"4.0.1\"");
            if (name.endsWith("-packets")) {
                // raw hex only: the version is all that changes
            } else if (name.startsWith("update-")) {
                expected = name.contains("ibgp")
                        ? expected.replace("\"origin\":\"egp\",", "\"origin\":\"egp\",\"as-path\":[],"
                                + "\"confederation-path\":[],")
                        : expected.replace("\"as-path\":{\"0\":{\"element\":\"as-sequence\",\"value\":[65002,65010]},"
                                        + "\"1\":{\"element\":\"as-set\",\"value\":[65020,65021]},"
                                        + "\"2\":{\"element\":\"confed-sequence\",\"value\":[65100]},"
                                        + "\"3\":{\"element\":\"confed-set\",\"value\":[65200,65201]}}",
                                "\"as-path\":[65002,65010],\"as-set\":[65020,65021],\"confederation-path\":[65100],"
                                        + "\"confederation-set\":[65200,65201]")
                                .replace("origin:1.2.3.4:5", "origin:5:1.2.3.4");
            } else if (name.startsWith("notification-")) {
                expected = expected.replaceAll(",\"message\":\"([^\"\\\\]|\\\\.)*\"\\}", "}");
            }
            assertThat(four.get(name)).as(name).isEqualTo(expected);
        }
    }

    private static Map<String, String> golden(String file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = EventGoldenTest.class.getResourceAsStream("/events/" + file)) {
            assertThat(in).as("golden file " + file).isNotNull();
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            for (String l : lines) {
                if (l.isBlank() || l.startsWith("#")) continue;
                int space = l.indexOf(' ');
                out.put(l.substring(0, space), l.substring(space + 1));
            }
        }
        return out;
    }

    private static final JsonFactory STRICT =
            JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** One JSON object, nothing after it; jackson-core refuses comments, single quotes, NaN and bare words. */
    static void strict(String line) {
        try (JsonParser p = STRICT.createParser(line)) {
            assertThat(p.nextToken()).as(line).isEqualTo(JsonToken.START_OBJECT);
            p.skipChildren();
            assertThat(p.nextToken()).as("trailing content in " + line).isNull();
        } catch (IOException e) {
            throw new AssertionError("not strict JSON: " + line, e);
        }
    }
}
