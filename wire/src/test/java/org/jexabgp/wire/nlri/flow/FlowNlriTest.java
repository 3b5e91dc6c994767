package org.jexabgp.wire.nlri.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.TestJsonSink;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.attribute.ExtendedCommunity;
import org.jexabgp.wire.attribute.FlowCommunities;
import org.jexabgp.wire.attribute.Ipv6ExtendedCommunities;
import org.jexabgp.wire.IpAddress;
import org.junit.jupiter.api.Test;

/** Golden vectors for FlowSpec NLRIs (RFC 8955 §4, RFC 8956 §3, wire.md §5.1) and the flow action communities. */
class FlowNlriTest {
    private static final Family V4 = FlowFamily.IPV4_FLOW_FAMILY;
    private static final Family V6 = FlowFamily.IPV6_FLOW_FAMILY;
    private static final Family V4_VPN = FlowFamily.IPV4_FLOW_VPN_FAMILY;

    private static FlowNlri decode(Family f, String hex) throws Malformed {
        return FlowNlri.decode(Bytes.fromHex(hex).reader(), f);
    }

    private static String encode(FlowNlri n) {
        WireWriter w = new WireWriter();
        n.encode(w, false);
        return w.toBytes().hex();
    }

    private static String json(FlowNlri n) {
        TestJsonSink s = new TestJsonSink();
        n.json(s, false);
        return s.toString();
    }

    @Test
    void numericOperatorsAndPrefixes() throws Malformed {
        String hex = "25" // length 37 (< 240: one byte, RFC 8955 §4.1)
                + "0120C0A80001" // type 1 destination, /32, 192.168.0.1
                + "02200A000002" // type 2 source, /32, 10.0.0.2
                + "03011181" + "06" // type 3 protocol: =17 (op 01), =6 with end bit (op 81)
                + "04015091" + "1F90" // type 4 port: =80, end|len 2 bytes|eq 8080
                + "05121F90" + "541F98" + "910C38" // type 5: >8080 (len 2, gt), &<8088 (and|len|lt), =3128 (end)
                + "06920400"; // type 6 source-port: end|len 2|gt 1024
        FlowNlri n = decode(V4, hex);
        assertThat(encode(n)).isEqualTo(hex);
        assertThat(n.text())
                .isEqualTo("flow destination-ipv4 192.168.0.1/32 source-ipv4 10.0.0.2/32 protocol [ =udp =tcp ]"
                        + " port [ =80 =8080 ] destination-port [ >8080&<8088 =3128 ] source-port >1024");
        assertThat(json(n))
                .isEqualTo("{\"destination-ipv4\":[\"192.168.0.1/32\"],\"source-ipv4\":[\"10.0.0.2/32\"],"
                        + "\"protocol\":[\"=udp\",\"=tcp\"],\"port\":[\"=80\",\"=8080\"],"
                        + "\"destination-port\":[\">8080&<8088\",\"=3128\"],\"source-port\":[\">1024\"],"
                        + "\"string\":\"" + n.text() + "\"}");
        assertThat(n.key().hex()).isEqualTo(hex);
    }

    @Test
    void bitmaskOperators() throws Malformed {
        // qa/decoding/bgp-flow-2: type 9 tcp-flags: 00 10 (ack), 00 80 (cwr), 42 01 (and|not fin),
        // C2 40 (end|and|not ece)
        FlowNlri n = decode(V4, "09" + "0900100080420" + "1C240");
        assertThat(n.text()).isEqualTo("flow tcp-flags [ ack cwr&!fin&!ece ]");
        // wire.md §5.1: fragment [ last-fragment ] → 0C 80 08 (end bit, no match bit)
        FlowNlri f = decode(V4, "030C8008");
        assertThat(f.text()).isEqualTo("flow fragment last-fragment");
        // bgp-flow-4: 00 90 (ack+cwr), C2 41 (&!fin+ece): two terms in one entry, still bracketed
        assertThat(decode(V4, "05090090C241").text()).isEqualTo("flow tcp-flags [ ack+cwr&!fin+ece ]");
    }

    @Test
    void ipv6PrefixWithOffsetKeepsExaBgpByteCount() throws Malformed {
        // wire.md §5.1 quirk: source ::1/128/120 → 02 80 78 + all 16 address bytes (not 1 as RFC 8956 would)
        String hex = "13" + "028078" + "00000000000000000000000000000001";
        FlowNlri n = decode(V6, hex);
        assertThat(encode(n)).isEqualTo(hex);
        assertThat(n.text()).isEqualTo("flow source-ipv6 ::1/128/120");
        // qa/decoding/bgp-flow-1: destination 2a02:29b8:1925::2e69/128/0, next-header =tcp
        FlowNlri d = decode(V6, "16" + "018000" + "2A0229B8192500000000000000002E69" + "038106");
        assertThat(json(d))
                .isEqualTo("{\"destination-ipv6\":[\"2a02:29b8:1925::2e69/128/0\"],\"next-header\":[\"=tcp\"],"
                        + "\"string\":\"flow destination-ipv6 2a02:29b8:1925::2e69/128/0 next-header =tcp\"}");
    }

    @Test
    void flowVpnCarriesTheRdInsideTheLength() throws Malformed {
        // qa/encoding/conf-flow.msg: 0E = 8 (RD 0000 FFFF 00010000 = 65535:65536) + 6 (source 10.0.0.1/32)
        String hex = "0E" + "0000FFFF00010000" + "02200A000001";
        FlowNlri n = decode(V4_VPN, hex);
        assertThat(encode(n)).isEqualTo(hex);
        assertThat(n.text()).isEqualTo("flow source-ipv4 10.0.0.1/32 rd 65535:65536");
        assertThat(json(n)).contains("\"rd\":\"65535:65536\"");
    }

    @Test
    void longRulesUseTheTwoByteLength() throws Malformed {
        // RFC 8955 §4.1: 240 bytes and more → 0xF000 | length
        List<FlowTerm> terms = new java.util.ArrayList<>();
        for (int i = 0; i < 80; i++) terms.add(new FlowTerm(FlowTerm.EQ, 1000 + i, 2)); // 3 bytes each
        FlowNlri n = new FlowNlri(V4, null, List.of(new FlowOperatorComponent(FlowComponentType.PORT, terms)));
        String hex = encode(n);
        assertThat(hex).startsWith("F0F1" + "04"); // 1 + 240 = 241 bytes
        assertThat(decode(V4, hex)).isEqualTo(n);
    }

    @Test
    void malformedRules() {
        assertThatThrownBy(() -> decode(V4, "030E8101")).isInstanceOf(Malformed.class); // type 14 unknown
        assertThatThrownBy(() -> decode(V4, "0501210A0000")).isInstanceOf(Malformed.class); // /33 on IPv4
        assertThatThrownBy(() -> decode(V4, "0903")).isInstanceOf(Malformed.class); // truncated
        assertThatThrownBy(() -> decode(V6, "030140" + "41")).isInstanceOf(Malformed.class); // offset 65 > /64
        assertThatThrownBy(() -> decode(V4, "00")).isInstanceOf(Malformed.class); // empty rule
    }

    @Test
    void actionCommunities() {
        // config.md §13.3 / wire.md §8, bytes as in qa/encoding/conf-flow*.msg and api-flow*.msg
        assertThat(FlowCommunities.trafficRate(0, 0f).value().hex()).isEqualTo("8006000000000000");
        assertThat(FlowCommunities.trafficRate(0, 9600f).value().hex()).isEqualTo("8006000046160000");
        assertThat(FlowCommunities.trafficRate(0, 1_250_000_000f).value().hex()).isEqualTo("800600004E9502F9");
        assertThat(FlowCommunities.redirect(65500, 12345).value().hex()).isEqualTo("8008FFDC00003039");
        assertThat(FlowCommunities.redirect(258, 33756718).value().hex()).isEqualTo("80080102" + "0203162E");
        assertThat(FlowCommunities.redirect(65536, 1).value().hex()).isEqualTo("8208000100000001");
        assertThat(FlowCommunities.trafficMarking(10).value().hex()).isEqualTo("800900000000000A");
        assertThat(FlowCommunities.trafficAction(true, true).value().hex()).isEqualTo("8007000000000003");
        assertThat(FlowCommunities.redirectToNextHop(true).value().hex()).isEqualTo("0800000000000001");
        ExtendedCommunity ietf = FlowCommunities.redirectToIpv4NextHop(IpAddress.parse("1.2.3.4"), false);
        assertThat(ietf.value().hex()).isEqualTo("010C010203040000");
        assertThat(ietf.text()).isEqualTo("redirect-to-nexthop-ietf 1.2.3.4");
        ExtendedCommunity is = FlowCommunities.interfaceSet(false, 1, 3405770241L, 1);
        assertThat(is.value().hex()).isEqualTo("4702CAFFEE014001"); // api-flow-merge.msg
        assertThat(is.text()).isEqualTo("interface-set:input:3405770241:1");
        assertThat(FlowCommunities.interfaceSet(true, 2, 254, 254).value().hex()).isEqualTo("0702000000FE80FE");
        assertThat(FlowCommunities.trafficRate(0, 65535f).text()).isEqualTo("rate-limit:65535");
        // conf-flow-redirect.msg: C0 19 14 | 00 0C | 2A020B80000000010000000000000001 | 0000
        Bytes v6 = Ipv6ExtendedCommunities.redirectToNextHop(IpAddress.parse("2a02:b80:0:1::1"), false);
        assertThat(v6.hex()).isEqualTo("000C2A020B800000000100000000000000010000");
        assertThat(new Ipv6ExtendedCommunities(List.of(v6)).text())
                .isEqualTo("attribute [ 0x19 0xC0 0x000C2A020B800000000100000000000000010000 ]");
    }
}
