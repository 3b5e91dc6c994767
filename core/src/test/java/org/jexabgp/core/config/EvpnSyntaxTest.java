package org.jexabgp.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jexabgp.core.model.Route;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.TestJsonSink;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.attribute.ExtendedCommunities;
import org.jexabgp.wire.attribute.ExtendedCommunity;
import org.jexabgp.wire.nlri.Nlri;
import org.jexabgp.wire.nlri.RouteDistinguisher;
import org.jexabgp.wire.nlri.evpn.Esi;
import org.jexabgp.wire.nlri.evpn.Evpn;
import org.jexabgp.wire.nlri.evpn.EvpnFamily;
import org.jexabgp.wire.nlri.evpn.EvpnGenerators;
import org.jexabgp.wire.nlri.evpn.EvpnMacIp;
import org.jexabgp.wire.nlri.evpn.EvpnOpaque;
import org.jexabgp.wire.nlri.evpn.Mac;
import org.junit.jupiter.api.Test;

/** The EVPN route syntax (docs/evpn.md, an extension): config and API alike, every route type, refused forms. */
class EvpnSyntaxTest {
    private static final String RD = "0001" + "01010101" + "0001"; // RD type 1, 1.1.1.1:1 (RFC 4364 §4.2)

    /** One route of every type, with the NLRI each must encode to (RFC 7432 §7.1–§7.4, RFC 9136 §3.1). */
    private static final List<String[]> ROUTES = List.of(
            new String[] {
                "ethernet-ad rd 1.1.1.1:1 esi 00:11:22:33:44:55:66:77:88:99 ethernet-tag 0 label [ 100 ]",
                "0119" + RD + "00112233445566778899" + "00000000" + "000641"
            },
            new String[] {
                "mac-ip rd 1.1.1.1:1 esi - ethernet-tag 0 mac 00:11:22:33:44:55 ip 10.0.0.1 label [ 100 ]",
                "0225" + RD + "00".repeat(10) + "00000000" + "30001122334455" + "200A000001" + "000641"
            },
            new String[] {
                "multicast rd 1.1.1.1:1 ethernet-tag 0 ip 1.1.1.1", "0311" + RD + "00000000" + "2001010101"
            },
            new String[] {
                "ethernet-segment rd 1.1.1.1:1 esi 00:11:22:33:44:55:66:77:88:99 ip 1.1.1.1",
                "0417" + RD + "00112233445566778899" + "2001010101"
            },
            new String[] {
                "ip-prefix rd 1.1.1.1:1 esi - ethernet-tag 0 prefix 10.0.0.0/24 gateway 0.0.0.0 label [ 100 ]",
                "0522" + RD + "00".repeat(10) + "00000000" + "18" + "0A000000" + "00000000" + "000641"
            });

    private static final String ATTRIBUTES = " next-hop 1.1.1.1 extended-community [ target:65000:1 ]";

    private static List<Route> neighbor(String body) throws ConfigError {
        return ConfigurationSyntaxTest.neighbor(body).routes();
    }

    private static Route api(String text, boolean withdraw) throws ConfigError {
        List<Route> r = RouteSyntax.parseApiRoute(text, withdraw);
        assertThat(r).hasSize(1);
        return r.getFirst();
    }

    private static String hex(Nlri n) {
        WireWriter w = new WireWriter();
        n.encode(w, false);
        return w.toBytes().hex();
    }

    @Test
    void everyRouteTypeFromConfigAndApiAlike() throws ConfigError {
        for (String[] r : ROUTES) {
            String words = r[0] + ATTRIBUTES;
            Route route = api("evpn " + words, false);
            assertThat(hex(route.nlri())).as(r[0]).isEqualTo(r[1]);
            assertThat(route.family()).isEqualTo(EvpnFamily.L2VPN_EVPN_FAMILY);
            assertThat(route.nextHop()).isEqualTo(IpAddress.parse("1.1.1.1"));
            assertThat(route.attributes().all())
                    .containsExactly(ExtendedCommunities.of(ExtendedCommunity.target(65000, 1)));
            assertThat(api("l2vpn evpn " + words, false)).as(r[0]).isEqualTo(route);
            assertThat(neighbor("announce {\n l2vpn {\n evpn " + words + ";\n }\n}")).containsExactly(route);
            assertThat(neighbor("l2vpn {\n evpn " + words + ";\n}")).containsExactly(route);
        }
    }

    @Test
    void optionalFieldsAndAlternativeForms() throws ConfigError {
        // esi defaults to 0 ("-") and ethernet-tag to 0 for MAC/IP and IP prefix routes; ip is optional in MAC/IP
        Route bare = api("evpn mac-ip rd 1.1.1.1:1 mac 00:11:22:33:44:55 label 100 next-hop 1.1.1.1", false);
        assertThat(bare.nlri()).isEqualTo(new EvpnMacIp(
                RouteDistinguisher.parse("1.1.1.1:1"), Esi.ZERO, 0, Mac.parse("00:11:22:33:44:55"), null,
                Evpn.labelFields(List.of(100))));
        // the JSON's spelling of the same fields: code, ip + iplen, nested label lists
        String prefix = "ip-prefix rd 1.1.1.1:1 esi - ethernet-tag 0 prefix 10.0.0.0/24 gateway 0.0.0.0 label 100";
        assertThat(api("evpn code 5 rd 1.1.1.1:1 esi - ethernet-tag 0 label [ [ 100 ] ] ip 10.0.0.0 iplen 24"
                        + " gateway 0.0.0.0 next-hop 1.1.1.1", false))
                .isEqualTo(api("evpn " + prefix + " next-hop 1.1.1.1", false));
        // the gateway defaults to the zero address of the prefix's family
        assertThat(hex(api("evpn ip-prefix rd 1.1.1.1:1 prefix 2001:db8::/32 label 1 next-hop 1.1.1.1", false)
                        .nlri()))
                .isEqualTo("053A" + RD + "00".repeat(10) + "00000000" + "20" + "20010DB8" + "00".repeat(12)
                        + "00".repeat(16) + "000011");
        // two labels (RFC 7432 §7.2 Label2), each a label field of its own
        assertThat(hex(api("evpn mac-ip rd 1.1.1.1:1 mac 00:11:22:33:44:55 label [ 100 200 ] next-hop 1.1.1.1",
                        false).nlri()))
                .endsWith("00" + "000641" + "000C81");
        // raw: the JSON's "raw", any route type
        assertThat(api("evpn raw 0803AABBCC next-hop 1.1.1.1", false).nlri())
                .isEqualTo(new EvpnOpaque(8, org.jexabgp.wire.Bytes.fromHex("AABBCC")));
        assertThat(api("evpn raw 0x" + ROUTES.get(1)[1] + " next-hop 1.1.1.1", false).nlri())
                .isEqualTo(api("evpn " + ROUTES.get(1)[0] + " next-hop 1.1.1.1", false).nlri());
        // an IPv6 next hop and next-hop self are fine
        assertThat(api("evpn " + ROUTES.get(2)[0] + " next-hop 2001:db8::1", false).nextHop())
                .isEqualTo(IpAddress.parse("2001:db8::1"));
        assertThat(api("evpn " + ROUTES.get(2)[0] + " next-hop self", false).nextHopSelf()).isTrue();
    }

    /** RFC 7432 §7.2: the label is no part of the route key, so a withdrawal may leave it (and the next hop) out. */
    @Test
    void withdrawalNamesTheRouteWithoutItsLabel() throws ConfigError {
        Route announced = api("evpn " + ROUTES.get(1)[0] + ATTRIBUTES, false);
        Route withdrawn =
                api("evpn mac-ip rd 1.1.1.1:1 esi - ethernet-tag 0 mac 00:11:22:33:44:55 ip 10.0.0.1", true);
        assertThat(withdrawn.nlri().key()).isEqualTo(announced.nlri().key());
        assertThat(withdrawn.nextHop()).isEqualTo(IpAddress.V4_ZERO);
        // the withdrawal's label field is three zero bytes
        assertThat(hex(withdrawn.nlri())).endsWith("200A000001" + "000000");
        Route ad = api("evpn ethernet-ad rd 1.1.1.1:1 esi 00:11:22:33:44:55:66:77:88:99", true);
        assertThat(ad.nlri().key()).isEqualTo(api("evpn " + ROUTES.getFirst()[0] + ATTRIBUTES, false).nlri().key());
    }

    @Test
    void refusedForms() {
        refused("evpn mac-ip rd 1.1.1.1:1 mac 00:11:22:33:44:55 next-hop 1.1.1.1", "label",
                "evpn mac-ip route without label");
        refused("evpn mac-ip rd 1.1.1.1:1 ip 10.0.0.1 label 1 next-hop 1.1.1.1", "mac",
                "evpn mac-ip route without mac");
        refused("evpn multicast ethernet-tag 0 ip 1.1.1.1 next-hop 1.1.1.1", "rd", "evpn multicast route without rd");
        refused("evpn multicast rd 1.1.1.1:1 next-hop 1.1.1.1", "ip", "evpn multicast route without ip");
        refused("evpn ethernet-ad rd 1.1.1.1:1 label 1 next-hop 1.1.1.1", "esi", "evpn ethernet-ad route without esi");
        refused("evpn ethernet-segment rd 1.1.1.1:1 ip 1.1.1.1 next-hop 1.1.1.1", "esi",
                "evpn ethernet-segment route without esi");
        refused("evpn multicast rd 1.1.1.1:1 ip 1.1.1.1", "next-hop", "route without next-hop");
        // fields of another route type
        refused("evpn multicast rd 1.1.1.1:1 mac 00:11:22:33:44:55 ip 1.1.1.1 next-hop 1.1.1.1",
                "a field of an evpn multicast route (rd, ethernet-tag, ip)",
                "\"mac\" is not part of an evpn multicast route");
        refused("evpn multicast rd 1.1.1.1:1 ip 1.1.1.1 label 5 next-hop 1.1.1.1",
                "a field of an evpn multicast route (rd, ethernet-tag, ip)",
                "\"label\" is not part of an evpn multicast route");
        refused("evpn mac-ip rd 1.1.1.1:1 mac 00:11:22:33:44:55 label [ 1 2 3 ] next-hop 1.1.1.1",
                "one or two labels", null);
        refused("evpn ethernet-ad rd 1:1 esi - label [ 1 2 ] next-hop 1.1.1.1", "one label", null);
        refused("evpn mac-ip rd 1.1.1.1:1 mac 00:11:22:33:44:55 label 1048576 next-hop 1.1.1.1",
                "a label (0..1048575)", null);
        refused("evpn ip-prefix rd 1:1 prefix 10.0.0.1/24 label 1 next-hop 1.1.1.1", "a prefix without host bits",
                "invalid network 10.0.0.1 for netmask 24");
        refused("evpn ip-prefix rd 1:1 ip 10.0.0.0 iplen 33 label 1 next-hop 1.1.1.1", "an iplen of at most 32",
                "iplen 33 too long");
        refused("evpn ip-prefix rd 1:1 ip 10.0.0.0 label 1 next-hop 1.1.1.1", "iplen",
                "evpn ip-prefix route without iplen");
        refused("evpn ip-prefix rd 1:1 prefix 10.0.0.0/8 gateway ::1 label 1 next-hop 1.1.1.1",
                "a gateway of the prefix's family", "evpn ip-prefix gateway and prefix differ in family");
        refused("evpn mac-ip rd 1:1 mac 00:11:22:33:44 label 1 next-hop 1.1.1.1",
                "a MAC address (six hex bytes joined by ':')", null);
        refused("evpn ethernet-ad rd 1:1 esi 00:11 label 1 next-hop 1.1.1.1",
                "an esi (ten hex bytes joined by ':', or -)", null);
        refused("evpn type-2 rd 1:1", "an evpn route type (ethernet-ad, mac-ip, multicast, ethernet-segment, ip-prefix,"
                + " code or raw)", "unknown evpn route type \"type-2\"");
        refused("evpn code 6 rd 1:1", "an evpn route type 1..5", null);
        refused("evpn raw 0225AA next-hop 1.1.1.1", "the hex of an evpn NLRI", null);
        refused("evpn multicast rd 1:1 ip 1.1.1.1 split /24 next-hop 1.1.1.1", "an evpn field or attribute",
                "\"split\" is invalid in an evpn route");
        refused("l2vpn evpm multicast", "evpn or vpls", null);
    }

    private static void refused(String command, String expected, String reason) {
        assertThatThrownBy(() -> api(command, false))
                .as(command)
                .isInstanceOfSatisfying(ConfigError.class, e -> {
                    assertThat(e.expected()).isEqualTo(expected);
                    if (reason != null) assertThat(e.reason()).isEqualTo(reason);
                });
    }

    @Test
    void configRefusesEvpnWhenTheFamilyIsNotNegotiated() {
        ConfigError e = ConfigurationSyntaxTest.error("neighbor 127.0.0.1 {\n router-id 1.2.3.4;\n"
                + " local-address 127.0.0.1;\n local-as 1;\n peer-as 1;\n family {\n ipv4 unicast;\n }\n"
                + " announce {\n l2vpn {\n evpn " + ROUTES.get(2)[0] + " next-hop 1.1.1.1;\n }\n }\n}\n");
        assertThat(e.reason()).contains("l2vpn evpn");
    }

    /**
     * docs/evpn.md: a received route's JSON object becomes the command by writing each member as {@code key value}
     * (arrays as {@code [ … ]}) and leaving out {@code parsed}, {@code raw} and {@code name}. Any parsed route type,
     * random fields, decoded as from a peer (labels print as {@code [label, raw field]}): the command gives back the
     * same NLRI, label fields included.
     */
    @Test
    void receivedJsonTurnsBackIntoTheCommand() throws Exception {
        long seed = Long.getLong("jexabgp.seed", System.nanoTime());
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 300; i++) {
            Evpn e = EvpnGenerators.evpn(r);
            if (e instanceof EvpnOpaque) continue;
            e = masked(e);
            WireWriter w = new WireWriter();
            e.encode(w, false);
            Evpn received = Evpn.decode(w.toBytes().reader());
            TestJsonSink s = new TestJsonSink();
            received.json(s, false);
            String words = JsonWords.words(s.toString(), List.of("parsed", "raw", "name"));
            String command = "evpn " + words + " next-hop 1.1.1.1";
            assertThat(hex(api(command, false).nlri())).as("seed %d: %s", seed, command).isEqualTo(hex(printable(e)));
        }
    }

    /** Host bits past iplen are refused by the syntax (RFC 9136 §3.1 trailing bits are zero). */
    private static Evpn masked(Evpn e) {
        if (!(e instanceof org.jexabgp.wire.nlri.evpn.EvpnPrefix p)) return e;
        org.jexabgp.wire.nlri.Prefix masked = masked(p.ip(), p.length());
        return new org.jexabgp.wire.nlri.evpn.EvpnPrefix(
                p.rd(), p.esi(), p.etag(), masked.address(), p.length(), p.gateway(), p.label());
    }

    /** A zero label field prints as {@code [0]}, which the syntax reads as label 0 with bottom-of-stack set. */
    private static Evpn printable(Evpn e) {
        return switch (e) {
            case org.jexabgp.wire.nlri.evpn.EvpnEthernetAd a ->
                new org.jexabgp.wire.nlri.evpn.EvpnEthernetAd(a.rd(), a.esi(), a.etag(), printable(a.label()));
            case EvpnMacIp m -> new EvpnMacIp(m.rd(), m.esi(), m.etag(), m.mac(), m.ip(), printable(m.labels()));
            case org.jexabgp.wire.nlri.evpn.EvpnPrefix p -> new org.jexabgp.wire.nlri.evpn.EvpnPrefix(
                    p.rd(), p.esi(), p.etag(), p.ip(), p.length(), p.gateway(), printable(p.label()));
            default -> e;
        };
    }

    private static org.jexabgp.wire.nlri.Labels printable(org.jexabgp.wire.nlri.Labels l) {
        return new org.jexabgp.wire.nlri.Labels(l.entries().stream().map(f -> f == 0 ? 1 : f).toList());
    }

    /** GoBGP and FRR fill the whole label field with the VNI (RFC 8365 §5.1.3): its JSON sends the same field back. */
    @Test
    void aReceivedVniLabelIsWrittenBackAsReceived() throws ConfigError {
        String words = "mac-ip rd 1.1.1.1:1 mac 00:11:22:33:44:55 label [ [ 62, 1000 ] ] next-hop 1.1.1.1";
        assertThat(hex(api("evpn " + words, false).nlri())).endsWith("00" + "0003E8");
        assertThat(hex(api("evpn mac-ip rd 1.1.1.1:1 mac 00:11:22:33:44:55 label [ [ 62, 1000 ] [ 200 ] ]"
                        + " next-hop 1.1.1.1", false).nlri()))
                .endsWith("00" + "0003E8" + "000C81");
        refused("evpn mac-ip rd 1.1.1.1:1 mac 00:11:22:33:44:55 label [ [ 61, 1000 ] ] next-hop 1.1.1.1",
                "a label field holding label 61", null);
        refused("evpn mac-ip rd 1.1.1.1:1 mac 00:11:22:33:44:55 label [ [ 62, 1000, 3 ] ] next-hop 1.1.1.1",
                "[ label ] or [ label, raw-field ]", null);
        refused("evpn mac-ip rd 1.1.1.1:1 mac 00:11:22:33:44:55 label [ [ 0, 16777216 ] ] next-hop 1.1.1.1",
                "a 24-bit label field (0..16777215)", null);
    }

    private static org.jexabgp.wire.nlri.Prefix masked(IpAddress ip, int length) {
        byte[] b = ip.bytes().toArray();
        for (int bit = length; bit < b.length * 8; bit++) b[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        return new org.jexabgp.wire.nlri.Prefix(IpAddress.of(b), length);
    }

    /** The mechanical JSON → command word conversion of docs/evpn.md, for flat objects of the NLRI JSON. */
    static final class JsonWords {
        private JsonWords() {}

        static String words(String json, List<String> skip) {
            List<String> out = new ArrayList<>();
            int[] at = {0};
            expect(json, at, '{');
            while (json.charAt(at[0]) != '}') {
                String key = string(json, at);
                expect(json, at, ':');
                String value = value(json, at);
                if (!skip.contains(key)) out.add(key + " " + value);
                if (json.charAt(at[0]) == ',') at[0]++;
            }
            return String.join(" ", out);
        }

        private static String value(String json, int[] at) {
            char c = json.charAt(at[0]);
            if (c == '"') return string(json, at);
            if (c == '[') {
                at[0]++;
                List<String> items = new ArrayList<>();
                while (json.charAt(at[0]) != ']') {
                    items.add(value(json, at));
                    if (json.charAt(at[0]) == ',') at[0]++;
                }
                at[0]++;
                return "[ " + String.join(" ", items) + " ]";
            }
            int start = at[0];
            while (",}]".indexOf(json.charAt(at[0])) < 0) at[0]++;
            return json.substring(start, at[0]);
        }

        private static String string(String json, int[] at) {
            expect(json, at, '"');
            int end = json.indexOf('"', at[0]);
            String s = json.substring(at[0], end);
            at[0] = end + 1;
            return s;
        }

        private static void expect(String json, int[] at, char c) {
            if (json.charAt(at[0]) != c) throw new AssertionError("expected " + c + " at " + at[0] + " in " + json);
            at[0]++;
        }
    }
}
