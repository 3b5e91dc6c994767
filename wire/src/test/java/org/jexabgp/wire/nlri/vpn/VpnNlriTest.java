package org.jexabgp.wire.nlri.vpn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.TestJsonSink;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.nlri.Labels;
import org.jexabgp.wire.nlri.Nlri;
import org.jexabgp.wire.nlri.Prefix;
import org.jexabgp.wire.nlri.RouteDistinguisher;
import org.junit.jupiter.api.Test;

/** RFC 4364 §4.3.4 / RFC 4659 §3.2 VPN prefixes and next hops: hex ↔ value ↔ JSON ↔ text. */
class VpnNlriTest {
    static final Negotiated SESSION = Negotiated.standalone(1, 1, List.of(VpnFamily.IPV4, VpnFamily.IPV6));

    static String hex(Nlri n, boolean pathId) {
        WireWriter w = new WireWriter();
        n.encode(w, pathId);
        return w.toBytes().hex();
    }

    static VpnNlri decode(String hex, Family f, long pathId) throws Malformed {
        return VpnNlri.decode(Bytes.fromHex(hex).reader(), f, pathId, SESSION);
    }

    static VpnNlri vpn(Family f, String prefix, int label, String rd, long pathId) {
        return new VpnNlri(f, Prefix.parse(prefix), Labels.of(label), RouteDistinguisher.parse(rd), pathId);
    }

    @Test
    void confVpnVector() throws Malformed {
        // conf-vpn.msg: 71 = 24 (label) + 64 (RD) + 25 bits; 003E81 = 1000<<4|1; RD 0000 FDE8 00000001 = 65000:1;
        // 0A000080 = 10.0.0.128 (/25 takes 4 bytes)
        VpnNlri n = vpn(VpnFamily.IPV4, "10.0.0.128/25", 1000, "65000:1", 0);
        assertThat(hex(n, false)).isEqualTo("71003E810000FDE8000000010A000080");
        assertThat(decode("71 003E81 0000FDE800000001 0A000080", VpnFamily.IPV4, 0)).isEqualTo(n);
    }

    @Test
    void confAddpathVector() throws Malformed {
        // conf-addpath.msg: path id 0000000A, 70 = 24+64+24, 04E2C1 = 20012<<4|1, RD 100:100, 0A0000 = 10.0.0.0/24
        VpnNlri n = vpn(VpnFamily.IPV4, "10.0.0.0/24", 20012, "100:100", 10);
        assertThat(hex(n, true)).isEqualTo("0000000A7004E2C100000064000000640A0000");
        assertThat(decode("7004E2C100000064000000640A0000", VpnFamily.IPV4, 10)).isEqualTo(n);
    }

    @Test
    void confParityIpv6Vector() throws Malformed {
        // conf-parity.msg: 88 = 24+64+48, 0039E1 = 926<<4|1, RD 0C8F 22C6DB3D = 3215:583457597, 20014B5020C0
        VpnNlri n = decode("88 0039E1 00000C8F22C6DB3D 20014B5020C0", VpnFamily.IPV6, 0);
        assertThat(n).isEqualTo(vpn(VpnFamily.IPV6, "2001:4b50:20c0::/48", 926, "3215:583457597", 0));
        // json.md §5.6: { "nlri", "label": [ [l] ], "rd" }
        assertThat(json(n, false))
                .isEqualTo("{\"nlri\":\"2001:4b50:20c0::/48\",\"label\":[[926]],\"rd\":\"3215:583457597\"}");
    }

    @Test
    void textPutsTheNextHopBeforeTheRd() {
        // json.md §8: withdrawn 10.3.0.0/24 label 100 rd 65002:1; announced … label 300 next-hop … rd 65002:2
        assertThat(vpn(VpnFamily.IPV4, "10.3.0.0/24", 100, "65002:1", 0).text())
                .isEqualTo("10.3.0.0/24 label 100 rd 65002:1");
        assertThat(vpn(VpnFamily.IPV6, "2001:db8:2::/48", 300, "65002:2", 0).text("2001:db8::1"))
                .isEqualTo("2001:db8:2::/48 label 300 next-hop 2001:db8::1 rd 65002:2");
    }

    @Test
    void identityHasRdNotLabels() {
        // config.md §11: the RD is part of the route, the labels are not
        assertThat(vpn(VpnFamily.IPV4, "10.0.0.0/24", 1, "1:1", 0).key())
                .isEqualTo(vpn(VpnFamily.IPV4, "10.0.0.0/24", 2, "1:1", 0).key());
        assertThat(vpn(VpnFamily.IPV4, "10.0.0.0/24", 1, "1:1", 0).key())
                .isNotEqualTo(vpn(VpnFamily.IPV4, "10.0.0.0/24", 1, "1:2", 0).key());
        // wire.md §9.3: the RD sorts before the prefix
        assertThat(vpn(VpnFamily.IPV4, "11.0.0.0/8", 1, "1:1", 0).key())
                .isLessThan(vpn(VpnFamily.IPV4, "10.0.0.0/8", 1, "1:2", 0).key());
    }

    @Test
    void malformed() {
        // 24+64 bits announced but the RD is cut short
        assertThatThrownBy(() -> decode("58 003E81 0000FDE8", VpnFamily.IPV4, 0)).isInstanceOf(Malformed.class);
        // room for a label but not for the RD
        assertThatThrownBy(() -> decode("30 003E81 0A0000", VpnFamily.IPV4, 0)).isInstanceOf(Malformed.class);
        // 24+64+33 bits: prefix longer than IPv4
        assertThatThrownBy(() -> decode("79 003E81 0000FDE800000001 0A00000000", VpnFamily.IPV4, 0))
                .isInstanceOf(Malformed.class);
    }

    @Test
    void nextHopHasAZeroRd() throws Malformed {
        // wire.md §9.4: 8 zero bytes then the address; conf-vpn: 0C 0000000000000000 C80A0065
        WireWriter w = new WireWriter();
        VpnNextHop.RULE.encode(List.of(IpAddress.parse("200.10.0.101")), w);
        assertThat(w.toBytes().hex()).isEqualTo("0000000000000000C80A0065");
        assertThat(VpnNextHop.RULE.decode(Bytes.fromHex("0000000000000000C80A0065"), VpnFamily.IPV4, SESSION))
                .containsExactly(IpAddress.parse("200.10.0.101"));
        // conf-parity: 24 bytes, an IPv4-mapped IPv6 address
        assertThat(VpnNextHop.RULE.decode(
                        Bytes.fromHex("0000000000000000 00000000000000000000FFFF51341192"), VpnFamily.IPV6, SESSION))
                .containsExactly(IpAddress.parse("::ffff:81.52.17.146"));
        // wire.md §4: the RD must be zero; 16 bytes is no VPN length
        assertThatThrownBy(() -> VpnNextHop.RULE.decode(
                        Bytes.fromHex("0000000000000001C80A0065"), VpnFamily.IPV4, SESSION))
                .isInstanceOf(Malformed.class);
        assertThatThrownBy(() -> VpnNextHop.RULE.decode(Bytes.fromHex("00".repeat(16)), VpnFamily.IPV4, SESSION))
                .isInstanceOf(Malformed.class);
    }

    static String json(Nlri n, boolean pathId) {
        TestJsonSink s = new TestJsonSink();
        n.json(s, pathId);
        return s.toString();
    }
}
