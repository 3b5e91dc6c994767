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
                        + "\"label\":[[100]],\"ip\":\"10.0.0.0\",\"iplen\":24,\"gateway\":\"0.0.0.0\"}");
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
            Evpn e = random(r);
            WireWriter w = new WireWriter();
            e.encode(w, false);
            assertThat(decode(w.toBytes().hex())).as("seed %d", seed).isEqualTo(e);
        }
    }

    static Evpn random(SplittableRandom r) {
        RouteDistinguisher rd = RouteDistinguisher.type0(r.nextInt(65536), r.nextLong(1L << 32));
        Esi esi = r.nextBoolean() ? Esi.ZERO : new Esi(bytes(r, 10));
        long etag = r.nextLong(1L << 32);
        IpAddress ip = r.nextBoolean() ? IpAddress.of(bytes(r, 4).toArray()) : IpAddress.of(bytes(r, 16).toArray());
        Labels one = new Labels(List.of(r.nextInt(1 << 24)));
        return switch (r.nextInt(6)) {
            case 0 -> new EvpnEthernetAd(rd, esi, etag, one);
            case 1 -> new EvpnMacIp(rd, esi, etag, new Mac(bytes(r, 6)), r.nextBoolean() ? ip : null,
                    r.nextBoolean() ? one : new Labels(List.of(r.nextInt(1 << 24), r.nextInt(1 << 24))));
            case 2 -> new EvpnMulticast(rd, etag, ip);
            case 3 -> new EvpnSegment(rd, esi, ip);
            case 4 -> new EvpnPrefix(rd, esi, etag, ip, r.nextInt(ip.bytes().length() * 8 + 1),
                    ip.isV4() ? IpAddress.of(bytes(r, 4).toArray()) : IpAddress.of(bytes(r, 16).toArray()), one);
            default -> new EvpnOpaque(6 + r.nextInt(250), bytes(r, r.nextInt(40)));
        };
    }

    private static Bytes bytes(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return Bytes.of(b);
    }
}
