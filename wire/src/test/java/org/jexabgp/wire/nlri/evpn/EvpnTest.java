package org.jexabgp.wire.nlri.evpn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.TestJsonSink;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.nlri.Labels;
import org.jexabgp.wire.nlri.Nlri;
import org.jexabgp.wire.nlri.RouteDistinguisher;
import org.junit.jupiter.api.Test;

class EvpnTest {
    private static final Negotiated SESSION = Negotiated.standalone(1, 1, List.of());

    private static Nlri decode(String hex) throws Malformed {
        return Evpn.CODEC.decode(Bytes.fromHex(hex).reader(), EvpnFamily.L2VPN_EVPN_FAMILY, 0, SESSION);
    }

    private static String json(Nlri n) {
        TestJsonSink s = new TestJsonSink();
        n.json(s, false);
        return s.toString();
    }

    /** RFC 7432 §7.2 MAC/IP route with an IPv4 address (the third route of vector bgp-evpn-1). */
    @Test
    void macIpGoldenVector() throws Malformed {
        String hex = "02" // route type 2, MAC/IP advertisement
                + "25" // length 37
                + "0001252C372E0001" // RD type 1: 37.44.55.46:1
                + "00000000000000000000" // ESI zero: "-"
                + "00000515" // ethernet tag 1301
                + "30" // MAC length 48 bits
                + "E88088308BE9" // MAC
                + "20" // IP length 32 bits
                + "0A22100A" // 10.34.16.10
                + "000000"; // label 0
        Nlri n = decode(hex);
        assertThat(n)
                .isEqualTo(new EvpnMacIp(
                        RouteDistinguisher.parse("37.44.55.46:1"),
                        Esi.ZERO,
                        1301,
                        Mac.parse("e8:80:88:30:8b:e9"),
                        IpAddress.parse("10.34.16.10"),
                        new Labels(List.of(0))));
        assertThat(json(n))
                .isEqualTo("{\"code\":2,\"parsed\":true,\"raw\":\"" + hex + "\",\"name\":\"MAC/IP advertisement\","
                        + "\"rd\":\"37.44.55.46:1\",\"esi\":\"-\",\"ethernet-tag\":1301,\"mac\":\"E8:80:88:30:8B:E9\","
                        + "\"label\":[[0]],\"ip\":\"10.34.16.10\"}");
        WireWriter w = new WireWriter();
        n.encode(w, false);
        assertThat(w.toBytes().hex()).isEqualTo(hex);
    }

    /**
     * GoBGP and FRR put the VNI in the whole 24-bit label field (RFC 8365 §5.1.3): ExaBGP prints a received field next
     * to its label, {@code [62, 1000]}, and consumers read the VNI there; the route re-encodes byte for byte. A route
     * made from the config prints the label alone, and equals the received one (labels compare by their fields).
     */
    @Test
    void receivedLabelFieldPrintsRaw() throws Malformed {
        String hex = "0221" + "0001010101010001" + "00".repeat(10) + "00000000" + "30" + "001122334455" + "00"
                + "0003E8"; // VNI 1000: label 62, traffic class 4, no bottom-of-stack bit
        Nlri n = decode(hex);
        assertThat(json(n)).endsWith("\"mac\":\"00:11:22:33:44:55\",\"label\":[[62,1000]]}");
        WireWriter w = new WireWriter();
        n.encode(w, false);
        assertThat(w.toBytes().hex()).isEqualTo(hex);
        EvpnMacIp configured = new EvpnMacIp(RouteDistinguisher.parse("1.1.1.1:1"), Esi.ZERO, 0,
                Mac.parse("00:11:22:33:44:55"), null, new Labels(List.of(1000)));
        assertThat(json(configured)).endsWith("\"label\":[[62]]}");
        assertThat(n).isEqualTo(configured);
    }

    /** Unknown route type 8 stays raw: json.md §5.6 {@code { "code": 8, "parsed": false, "raw": … }}. */
    @Test
    void unknownTypeIsOpaque() throws Malformed {
        Nlri n = decode("0803AABBCC");
        assertThat(json(n)).isEqualTo("{\"code\":8,\"parsed\":false,\"raw\":\"0803AABBCC\"}");
    }

    /** RFC 9136 §3.1 IP prefix route, IPv4: 34 bytes; ESI shown as colon-separated hex when not zero. */
    @Test
    void prefixRoute() throws Malformed {
        String hex = "0522" + "0000FDE800000001" // RD 65000:1
                + "01020304050607080900" // ESI
                + "00000000" // ethernet tag 0
                + "18" // prefix length 24
                + "0A000000" // 10.0.0.0
                + "00000000" // gateway 0.0.0.0
                + "000641"; // label 100, bottom of stack
        Nlri n = decode(hex);
        assertThat(json(n))
                .isEqualTo("{\"code\":5,\"parsed\":true,\"raw\":\"" + hex + "\",\"name\":\"IP Prefix Advertisement\","
                        + "\"rd\":\"65000:1\",\"esi\":\"01:02:03:04:05:06:07:08:09:00\",\"ethernet-tag\":0,"
                        + "\"label\":[[100,1601]],\"ip\":\"10.0.0.0\",\"iplen\":24,\"gateway\":\"0.0.0.0\"}");
    }

    @Test
    void malformedRoutes() {
        // length overruns the data
        assertThatThrownBy(() -> decode("0225")).isInstanceOf(Malformed.class);
        // MAC length 40 is not 48 (RFC 7432 §7.2)
        assertThatThrownBy(() -> decode("0221" + "0".repeat(44) + "28" + "0".repeat(12) + "00000000"))
                .isInstanceOf(Malformed.class);
        // prefix route of 33 bytes is neither IPv4 nor IPv6
        assertThatThrownBy(() -> decode("0521" + "00".repeat(33))).isInstanceOf(Malformed.class);
    }

    @Test
    void roundTrip() throws Malformed {
        long seed = Long.getLong("jexabgp.seed", System.nanoTime());
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 500; i++) {
            Evpn e = EvpnGenerators.evpn(r);
            WireWriter w = new WireWriter();
            e.encode(w, false);
            assertThat(decode(w.toBytes().hex())).as("seed %d", seed).isEqualTo(e);
        }
    }

    private static final String RD = "0001" + "01010101" + "0001"; // RD type 1 (RFC 4364 §4.2): 1.1.1.1:1
    private static final String ESI = "00112233445566778899"; // RFC 7432 §5, ten bytes

    private static String hex(Nlri n) {
        WireWriter w = new WireWriter();
        n.encode(w, false);
        return w.toBytes().hex();
    }

    /** RFC 7432 §7.1 Ethernet A-D route: RD, ESI, Ethernet Tag, one label. */
    @Test
    void ethernetAdGoldenVector() throws Malformed {
        String hex = "01" + "19" + RD + ESI + "00000000" + "000641"; // 8+10+4+3 = 25 bytes; label 100<<4 | S
        Nlri n = decode(hex);
        assertThat(n).isEqualTo(new EvpnEthernetAd(
                RouteDistinguisher.parse("1.1.1.1:1"), Esi.parse("00:11:22:33:44:55:66:77:88:99"), 0,
                Evpn.labelFields(List.of(100))));
        assertThat(json(n)).isEqualTo("{\"code\":1,\"parsed\":true,\"raw\":\"" + hex + "\","
                + "\"name\":\"Ethernet Auto-Discovery\",\"rd\":\"1.1.1.1:1\","
                + "\"esi\":\"00:11:22:33:44:55:66:77:88:99\",\"ethernet-tag\":0,\"label\":[[100,1601]]}");
        assertThat(hex(n)).isEqualTo(hex);
    }

    /** RFC 7432 §7.3 Inclusive Multicast route and §7.4 Ethernet Segment route. */
    @Test
    void multicastAndSegmentGoldenVectors() throws Malformed {
        String multicast = "03" + "11" + RD + "00000000" + "20" + "01010101"; // 8+4+1+4 = 17 bytes
        Nlri m = decode(multicast);
        assertThat(m).isEqualTo(new EvpnMulticast(
                RouteDistinguisher.parse("1.1.1.1:1"), 0, IpAddress.parse("1.1.1.1")));
        assertThat(json(m)).isEqualTo("{\"code\":3,\"parsed\":true,\"raw\":\"" + multicast + "\","
                + "\"name\":\"Inclusive Multicast Ethernet Tag\",\"rd\":\"1.1.1.1:1\",\"ethernet-tag\":0,"
                + "\"ip\":\"1.1.1.1\"}");
        assertThat(hex(m)).isEqualTo(multicast);
        String segment = "04" + "17" + RD + ESI + "20" + "01010101"; // 8+10+1+4 = 23 bytes
        Nlri s = decode(segment);
        assertThat(json(s)).isEqualTo("{\"code\":4,\"parsed\":true,\"raw\":\"" + segment + "\","
                + "\"name\":\"Ethernet Segment\",\"rd\":\"1.1.1.1:1\",\"esi\":\"00:11:22:33:44:55:66:77:88:99\","
                + "\"ip\":\"1.1.1.1\"}");
        assertThat(hex(s)).isEqualTo(segment);
    }

    /** RFC 7432 §7.2 with an IPv6 address and Label2; RFC 9136 §3.1 IPv6 prefix route (58 bytes). */
    @Test
    void ipv6AndTwoLabels() throws Malformed {
        String mac = "02" + "34" + "0000FDE800000001" + "00".repeat(10) + "00000064" + "30" + "AABBCCDDEEFF" + "80"
                + "20010DB8000000000000000000000001" + "000641" + "000C81"; // 8+10+4+1+6+1+16+6 = 52
        Nlri n = decode(mac);
        assertThat(json(n)).endsWith("\"ethernet-tag\":100,\"mac\":\"AA:BB:CC:DD:EE:FF\","
                + "\"label\":[[100,1601],[200,3201]],\"ip\":\"2001:db8::1\"}");
        assertThat(hex(n)).isEqualTo(mac);
        String prefix = "05" + "3A" + RD + "00".repeat(10) + "00000000" + "20" + "20010DB8" + "00".repeat(12)
                + "20010DB8" + "00".repeat(11) + "01" + "000641"; // 8+10+4+1+16+16+3 = 58
        Nlri p = decode(prefix);
        assertThat(json(p)).endsWith("\"label\":[[100,1601]],\"ip\":\"2001:db8::\",\"iplen\":32,"
                + "\"gateway\":\"2001:db8::1\"}");
        assertThat(hex(p)).isEqualTo(prefix);
    }

    /**
     * RFC 7432 §7.1–§7.4, RFC 9136 §3.1: labels, and for MAC/IP and prefix routes the ESI and gateway, are not part of
     * the route key: a withdrawal without them names the same route; the route type and key fields are.
     */
    @Test
    void routeKeyLeavesOutTheAttributeFields() {
        RouteDistinguisher rd = RouteDistinguisher.parse("1.1.1.1:1");
        Mac mac = Mac.parse("00:11:22:33:44:55");
        IpAddress ip = IpAddress.parse("10.0.0.1");
        Esi esi = Esi.parse("00:11:22:33:44:55:66:77:88:99");
        Evpn a = new EvpnMacIp(rd, Esi.ZERO, 0, mac, ip, Evpn.labelFields(List.of(100)));
        assertThat(a.key()).isEqualTo(new EvpnMacIp(rd, esi, 0, mac, ip, Evpn.NO_LABEL).key());
        assertThat(a.key()).isNotEqualTo(new EvpnMacIp(rd, Esi.ZERO, 1, mac, ip, Evpn.NO_LABEL).key());
        assertThat(a.key()).isNotEqualTo(new EvpnMacIp(rd, Esi.ZERO, 0, mac, null, Evpn.NO_LABEL).key());
        // type 2, RD, tag 0, MAC length, MAC, IP length, IP
        assertThat(a.key().hex()).isEqualTo("02" + RD + "00000000" + "30001122334455" + "200A000001");
        Evpn ad = new EvpnEthernetAd(rd, esi, 0, Evpn.labelFields(List.of(5)));
        assertThat(ad.key()).isEqualTo(new EvpnEthernetAd(rd, esi, 0, Evpn.NO_LABEL).key());
        assertThat(ad.key()).isNotEqualTo(new EvpnEthernetAd(rd, Esi.ZERO, 0, Evpn.NO_LABEL).key());
        Evpn p = new EvpnPrefix(rd, esi, 0, IpAddress.parse("10.0.0.0"), 24, IpAddress.parse("1.1.1.1"),
                Evpn.labelFields(List.of(7)));
        assertThat(p.key()).isEqualTo(new EvpnPrefix(rd, Esi.ZERO, 0, IpAddress.parse("10.0.0.0"), 24,
                IpAddress.V4_ZERO, Evpn.NO_LABEL).key());
        assertThat(p.key()).isNotEqualTo(new EvpnPrefix(rd, Esi.ZERO, 0, IpAddress.parse("10.0.0.0"), 25,
                IpAddress.V4_ZERO, Evpn.NO_LABEL).key());
        // the raw JSON member still shows the whole NLRI, label included
        assertThat(json(a)).contains("\"raw\":\"0225" + RD);
        // different route types never share a key
        assertThat(new EvpnMulticast(rd, 0, ip).key()).isNotEqualTo(new EvpnSegment(rd, Esi.ZERO, ip).key());
    }

    @Test
    void esiAndMacTextIsStrict() {
        assertThat(Esi.parse("-")).isEqualTo(Esi.ZERO);
        assertThat(Esi.parse("0:1:2:3:4:5:6:7:8:9").value().hex()).isEqualTo("00010203040506070809");
        assertThatThrownBy(() -> Esi.parse("00:11:22:33:44:55:66:77:88:+9"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Esi.parse("00:11:22:33:44:55:66:77:88:999"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Mac.parse("00:11:22:33:44:+5")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Mac.parse("aa:BB:cc:0:1:2").toString()).isEqualTo("AA:BB:CC:00:01:02");
    }
}
