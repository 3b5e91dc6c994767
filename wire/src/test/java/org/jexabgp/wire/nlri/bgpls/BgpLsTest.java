package org.jexabgp.wire.nlri.bgpls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.TestJsonSink;
import org.jexabgp.wire.attribute.LinkState;
import org.jexabgp.wire.nlri.Nlri;
import org.junit.jupiter.api.Test;

class BgpLsTest {
    private static final Negotiated SESSION = Negotiated.standalone(1, 1, List.of());

    private static Nlri decode(String hex) throws Malformed {
        return BgpLs.CODEC.decode(Bytes.fromHex(hex).reader(), BgpLsFamily.BGP_LS, 0, SESSION);
    }

    /** RFC 9552 §5.2.1 node NLRI, IS-IS level 1, with an IS-IS system-id router-id (6 bytes, shown as hex). */
    @Test
    void nodeGoldenVector() throws Malformed {
        String hex = "0001" + "0027" // type 1 node, length 39
                + "01" // protocol-id 1, IS-IS level 1
                + "0000000000000004" // identifier 4
                + "0100" + "001A" // local node descriptors, 26 bytes
                + "0200" + "0004" + "0000FC13" // AS 64531
                + "0201" + "0004" + "0000008B" // BGP-LS identifier 139
                + "0203" + "0006" + "19216825123A"; // IGP router-id, IS-IS system-id
        TestJsonSink s = new TestJsonSink();
        decode(hex).json(s, false, "192.168.252.139");
        assertThat(s.toString())
                .isEqualTo("{\"ls-nlri-type\":\"bgpls-node\",\"l3-routing-topology\":4,\"protocol-id\":1,"
                        + "\"node-descriptors\":[{\"autonomous-system\":64531},{\"bgp-ls-identifier\":\"139\"},"
                        + "{\"router-id\":\"19216825123a\"}],\"nexthop\":\"192.168.252.139\"}");
    }

    /** RFC 9552 §5.2.2 link NLRI, OSPFv2, with an OSPF pseudonode router-id (8 bytes) and interface addresses. */
    @Test
    void linkGoldenVector() throws Malformed {
        String hex = "0002" + "0047" // type 2 link, length 71
                + "03" + "0000000000000000" // OSPFv2, identifier 0
                + "0100" + "0008" + "0200" + "0004" + "0000FDE9" // local: AS 65001
                + "0101" + "000C" + "0203" + "0008" + "0A0104010A010102" // remote: router 10.1.4.1, DR 10.1.1.2
                + "0103" + "0004" + "0A010101" // IPv4 interface 10.1.1.1
                + "0104" + "0004" + "0A010102" // IPv4 neighbour 10.1.1.2
                + "0107" + "0002" + "0002" // multi-topology 2
                + "0102" + "0008" + "0000000100000002"; // link identifiers (not shown, as ExaBGP)
        Nlri n = decode(hex);
        assertThat(((BgpLsLink) n).linkIds()).containsExactly(1L << 32 | 2);
        TestJsonSink s = new TestJsonSink();
        n.json(s, false, "1.1.1.1");
        assertThat(s.toString())
                .isEqualTo("{\"ls-nlri-type\":\"bgpls-link\",\"l3-routing-topology\":0,\"protocol-id\":3,"
                        + "\"local-node-descriptors\":[{\"autonomous-system\":65001}],"
                        + "\"remote-node-descriptors\":[{\"router-id\":\"10.1.4.1\",\"designated-router-id\":\"10.1.1.2\"}],"
                        + "\"interface-addresses\":[\"10.1.1.1\"],\"neighbor-addresses\":[\"10.1.1.2\"],"
                        + "\"multi-topology-ids\":[2],\"link-identifiers\":[]}");
    }

    @Test
    void malformedNlri() {
        // descriptor TLV overruns its NLRI
        assertThatThrownBy(() -> decode("0001000D01000000000000000001000004")).isInstanceOf(Malformed.class);
        // AS descriptor of 2 bytes (RFC 9552 §5.2.1.4 wants 4)
        assertThatThrownBy(() -> decode("0001001301000000000000000001000006020000020001"))
                .isInstanceOf(Malformed.class);
    }

    /** RFC 9552 §5.3 TLVs: merged router-ids, IEEE bandwidth, variable igp-metric, SR adjacency, unknown TLV. */
    @Test
    void attributeGoldenVector() throws Malformed {
        String hex = "0404" + "0004" + "C0A8AF31" // 1028 local TE router-id 192.168.175.49
                + "0404" + "0004" + "C0A8AF33" // 1028 again: merged into one list
                + "0441" + "0004" + "4CEE6B28" // 1089 max link bandwidth 125000000.0 (IEEE 754)
                + "0447" + "0003" + "000001" // 1095 IGP metric 1 (3 bytes)
                + "044B" + "0007" + "30" + "00" + "0000" + "049310" // 1099 SR adj: V+L, weight 0, label 299792
                + "010A" + "0002" + "010A" // 266: unknown, generic
                + "0447" + "0005" + "0000000001"; // 1095 of 5 bytes: invalid, shown generic
        LinkState ls = LinkState.decode(Bytes.fromHex(hex).reader());
        String json = TestJsonSink.object(ls::json);
        assertThat(json)
                .isEqualTo("{\"bgp-ls\":{\"local-te-router-ids\":[\"192.168.175.49\",\"192.168.175.51\"],"
                        + "\"maximum-link-bandwidth\":1.25E8,\"igp-metric\":1,"
                        + "\"generic-lsid-1095\":[\"0x0000000001\"],"
                        + "\"sr-adj\":{\"flags\":{\"F\":0,\"B\":0,\"V\":1,\"L\":1,\"S\":0,\"P\":0,\"RSV\":0},"
                        + "\"sids\":[299792],\"weight\":0,\"undecoded-sids\":[]},"
                        + "\"generic-lsid-266\":[\"0x010A\"]}}");
        assertThatThrownBy(() -> LinkState.decode(Bytes.fromHex("04470005000001").reader()))
                .isInstanceOf(Malformed.class);
    }
}
