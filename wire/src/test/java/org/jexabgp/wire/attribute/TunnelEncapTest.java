package org.jexabgp.wire.attribute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.Generators;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.TestJsonSink;
import org.jexabgp.wire.Verdict;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.message.DecodedUpdate;
import org.jexabgp.wire.message.UpdateCodec;
import org.junit.jupiter.api.Test;

/** Tunnel Encapsulation attribute (23), RFC 9012 and the SR Policy sub-TLVs of RFC 9830 §2.4: hex ↔ value ↔ JSON. */
class TunnelEncapTest {
    static final Negotiated SESSION = Negotiated.standalone(1, 1, List.of(Family.IPV4_UNICAST));

    // RFC 9830 §2.4: one SR Policy tunnel (type 000F), value length 0x0040 = 64:
    //   0C 06 00 00 000000C8        Preference (12), len 6: flags 0, reserved, preference 200        (§2.4.1)
    //   0D 06 00 00 05DC0000        Binding SID (13), len 6: flags, reserved, label 24000 << 12       (§2.4.2)
    //   80 0019 00                  Segment List (128, 2-byte length 25), reserved                    (§2.4.4)
    //     09 06 00 00 00000001      Weight (9), len 6: flags, reserved, weight 1                       (§2.4.4.1)
    //     01 06 00 00 03E81000      Type A (1): flags, algorithm 0, label 16001 << 12                  (§2.4.4.2.1)
    //     01 06 00 00 03E82000      Type A: label 16002
    //   80 0011 00                  Segment List, length 17
    //     09 06 00 00 00000002      Weight 2
    //     01 06 00 00 03E83000      Type A: label 16003
    static final String SR_POLICY_VALUE = "000F 0040"
            + "0C06 0000 000000C8"
            + "0D06 0000 05DC0000"
            + "800019 00 0906 0000 00000001 0106 0000 03E81000 0106 0000 03E82000"
            + "800011 00 0906 0000 00000002 0106 0000 03E83000";

    // RFC 9012: a VXLAN tunnel (type 0008, length 0x28 = 40) then an unknown tunnel type 99 (0x0063, length 9):
    //   04 08 030B 0000 00000064    Color (4): Color extended community 03 0B, flags 0, color 100      (§3.4.2, §4.3)
    //   08 02 12B5                  UDP Destination Port (8): 4789                                      (§3.3.2)
    //   06 0A 00000000 0001 C0000201  Tunnel Egress Endpoint (6): reserved, AFI 1, 192.0.2.1            (§3.1)
    //   01 0C 80 000064 000000000000 0000  Encapsulation (1), VXLAN layout: V flag, VN-ID 100, MAC, reserved (§3.2.1)
    //   C8 0003 AABBCC              unknown sub-TLV 200: types 128–255 have a 2-byte length             (§3)
    //   4D 01 01                    unknown sub-TLV 77, 1-byte length
    static final String VXLAN_VALUE = "0008 0028"
            + "0408 030B0000 00000064"
            + "0802 12B5"
            + "060A 00000000 0001 C0000201"
            + "010C 80000064 000000000000 0000"
            + "0063 0009 C80003AABBCC 4D0101";

    static TunnelEncap decode(String valueHex) throws Malformed {
        return (TunnelEncap) TunnelEncap.CODEC.decode(Bytes.fromHex(valueHex).reader(), 0xC0, SESSION);
    }

    static String encode(Attribute a) {
        WireWriter w = new WireWriter();
        Attributes.encode(a, w, SESSION);
        return w.toBytes().hex();
    }

    static TunnelEncap srPolicyExample() {
        return TunnelEncap.of(TunnelEncap.Tunnel.of(
                TunnelEncap.SR_POLICY,
                new TunnelSubTlv.Preference(200),
                TunnelSubTlv.BindingSid.label(0, 24000),
                new TunnelSubTlv.SegmentList(List.of(
                        new TunnelSubTlv.Weight(0, 1),
                        TunnelSubTlv.SegmentA.label(16001),
                        TunnelSubTlv.SegmentA.label(16002))),
                new TunnelSubTlv.SegmentList(
                        List.of(new TunnelSubTlv.Weight(0, 2), TunnelSubTlv.SegmentA.label(16003)))));
    }

    @Test
    void srPolicyTunnel() throws Malformed {
        TunnelEncap t = decode(SR_POLICY_VALUE);
        assertThat(t).isEqualTo(srPolicyExample());
        // C0: optional transitive (RFC 9012 §2), 17: code 23, 44: 68 bytes
        assertThat(encode(t)).isEqualTo("C01744" + Bytes.fromHex(SR_POLICY_VALUE).hex());
        assertThat(TestJsonSink.object(t::json))
                .isEqualTo("{\"tunnel-encap\":[{\"type\":15,\"name\":\"sr-policy\",\"preference\":200,"
                        + "\"binding-sid\":{\"flags\":0,\"label\":24000},\"segment-lists\":["
                        + "{\"weight\":1,\"segments\":[{\"segment-type\":1,\"flags\":0,\"label\":16001},"
                        + "{\"segment-type\":1,\"flags\":0,\"label\":16002}]},"
                        + "{\"weight\":2,\"segments\":[{\"segment-type\":1,\"flags\":0,\"label\":16003}]}]}]}");
        assertThat(t.text())
                .isEqualTo("tunnel-encap [ sr-policy preference 200 binding-sid 24000 segment-list [ weight 1 label "
                        + "16001 label 16002 ] segment-list [ weight 2 label 16003 ] ]");
    }

    @Test
    void genericTunnelsAndRawSubTlvs() throws Malformed {
        TunnelEncap t = decode(VXLAN_VALUE);
        assertThat(t)
                .isEqualTo(TunnelEncap.of(
                        TunnelEncap.Tunnel.of(
                                8,
                                new TunnelSubTlv.Color(100),
                                new TunnelSubTlv.UdpDestinationPort(4789),
                                new TunnelSubTlv.EgressEndpoint(IpAddress.parse("192.0.2.1")),
                                new TunnelSubTlv.Encapsulation(Bytes.fromHex("800000640000000000000000"))),
                        TunnelEncap.Tunnel.of(
                                99,
                                new TunnelSubTlv.Raw(200, Bytes.fromHex("AABBCC")),
                                new TunnelSubTlv.Raw(77, Bytes.fromHex("01")))));
        // byte-exact re-encoding, unknown tunnel type and sub-TLVs included (RFC 9012 §13)
        assertThat(encode(t)).isEqualTo("C01739" + Bytes.fromHex(VXLAN_VALUE).hex());
        assertThat(TestJsonSink.object(t::json))
                .isEqualTo("{\"tunnel-encap\":[{\"type\":8,\"name\":\"vxlan\",\"color\":100,\"udp-port\":4789,"
                        + "\"endpoint\":\"192.0.2.1\",\"encapsulation\":\"0x800000640000000000000000\"},"
                        + "{\"type\":99,\"sub-tlvs\":[{\"type\":200,\"raw\":\"0xAABBCC\"},"
                        + "{\"type\":77,\"raw\":\"0x01\"}]}]}");
        assertThat(t.text())
                .isEqualTo("tunnel-encap [ vxlan color 100 udp-port 4789 endpoint 192.0.2.1 encapsulation "
                        + "0x800000640000000000000000 ] [ 99 sub-tlv 200 0xAABBCC sub-tlv 77 0x01 ]");
    }

    // RFC 9830 §2.4: priority, ENLP, SRv6 binding SID, SRv6 segments (with and without structure) and the names:
    //   0F 02 05 00                          Priority (15): priority 5, reserved                    (§2.4.6)
    //   0E 03 00 00 01                       ENLP (14): flags, reserved, ENLP 1                      (§2.4.5)
    //   14 12 00 00 2001:db8::1              SRv6 Binding SID (20), len 18                           (§2.4.3)
    //   80 0031 00                           Segment List, length 49
    //     0D 1A 00 00 2001:db8:1:: 0030 0000 20 18 10 00   Type B (13), len 26: SID, behavior 48,
    //                                        reserved, structure 32/24/16/0                          (§2.4.4.2.2)
    //     0D 12 00 00 2001:db8:2::           Type B without behavior and structure
    //   81 0005 00 00 637031                 Candidate path name (129) "cp1", 2-byte length          (§2.4.7)
    //   82 0005 00 00 706F6C                 Policy name (130) "pol"                                 (§2.4.8)
    static final String SRV6_VALUE = "000F 0061"
            + "0F020500"
            + "0E03000001"
            + "1412 0000 20010DB8000000000000000000000001"
            + "800031 00"
            + "0D1A 0000 20010DB8000100000000000000000000 0030 0000 20181000"
            + "0D12 0000 20010DB8000200000000000000000000"
            + "810005 0000 637031"
            + "820005 0000 706F6C";

    @Test
    void srv6AndNames() throws Malformed {
        TunnelEncap t = decode(SRV6_VALUE);
        assertThat(t.tunnels().getFirst().subTlvs())
                .containsExactly(
                        new TunnelSubTlv.Priority(5),
                        new TunnelSubTlv.Enlp(0, 1),
                        new TunnelSubTlv.Srv6BindingSid(0, IpAddress.parse("2001:db8::1"), Bytes.EMPTY),
                        new TunnelSubTlv.SegmentList(List.of(
                                new TunnelSubTlv.SegmentB(
                                        0, IpAddress.parse("2001:db8:1::"), Bytes.fromHex("0030000020181000")),
                                TunnelSubTlv.SegmentB.sid(IpAddress.parse("2001:db8:2::")))),
                        TunnelSubTlv.Name.of(TunnelSubTlv.CANDIDATE_PATH_NAME, "cp1"),
                        TunnelSubTlv.Name.of(TunnelSubTlv.POLICY_NAME, "pol"));
        assertThat(encode(t)).isEqualTo("C01765" + Bytes.fromHex(SRV6_VALUE).hex());
        assertThat(TestJsonSink.object(t::json))
                .isEqualTo("{\"tunnel-encap\":[{\"type\":15,\"name\":\"sr-policy\",\"priority\":5,\"enlp\":1,"
                        + "\"srv6-binding-sid\":{\"flags\":0,\"sid\":\"2001:db8::1\"},"
                        + "\"candidate-path-name\":\"cp1\",\"policy-name\":\"pol\",\"segment-lists\":[{\"segments\":["
                        + "{\"segment-type\":13,\"flags\":0,\"sid\":\"2001:db8:1::\",\"behavior\":48,\"structure\":"
                        + "{\"locator-block-length\":32,\"locator-node-length\":24,\"function-length\":16,"
                        + "\"argument-length\":0}},{\"segment-type\":13,\"flags\":0,\"sid\":\"2001:db8:2::\"}]}]}]}");
    }

    @Test
    void extendedLengthWhenLong() throws Malformed {
        // RFC 4271 §4.3: more than 255 value bytes take the extended-length flag (0x10) and a 2-byte length
        TunnelEncap t = TunnelEncap.of(TunnelEncap.Tunnel.of(
                99, new TunnelSubTlv.Raw(200, Bytes.of(new byte[300]))));
        String hex = encode(t);
        // D0 17 0133: 4 (tunnel header) + 3 (sub-TLV header) + 300 = 307
        assertThat(hex).startsWith("D0170133" + "0063" + "012F" + "C8012C");
        assertThat(decode(hex.substring(8))).isEqualTo(t);
    }

    @Test
    void malformedValues() {
        // RFC 9012 §2: a tunnel TLV must fit the attribute; §13: the last sub-TLV ends where its tunnel ends
        assertMalformed("000F");
        assertMalformed("000F 0005 0C06");
        assertMalformed("000F 0003 0C0600");
        assertMalformed("000F 0002 8000");
        assertMalformed("000F 0004 80 0005 00");
        // named sub-TLVs with the wrong length (RFC 9830 §2.4.1, §2.4.2, §2.4.4.1; RFC 9012 §3.3.2)
        assertMalformed("000F 0007 0C05 0000000000");
        assertMalformed("000F 0005 0D03 000000");
        assertMalformed("000F 0008 800005 00 0902 0000");
        assertMalformed("0008 0003 0801 00");
        // RFC 9012 §3.1: AFI 3 is not an address family an endpoint can have; AFI 1 needs 4 bytes
        assertMalformed("0008 0008 0606 00000000 0003");
        assertMalformed("0008 000E 060C 00000000 0001 C0000201 0000");
        // a segment list without its reserved octet, a type A segment of 5 bytes
        assertMalformed("000F 0003 800000");
        assertMalformed("000F 000B 800008 00 0105 0000 03E810");
    }

    private static void assertMalformed(String valueHex) {
        assertThatThrownBy(() -> decode(valueHex)).as(valueHex).isInstanceOf(Malformed.class);
    }

    @Test
    void colorThatIsNotAColorCommunityIsKeptRaw() throws Malformed {
        // RFC 9012 §3.4.2 wants a Color extended community (03 0B); a route target here is left as it came
        TunnelEncap t = decode("0008 000A 0408 0002FDE800000001");
        assertThat(t.tunnels().getFirst().subTlvs())
                .containsExactly(new TunnelSubTlv.Raw(4, Bytes.fromHex("0002FDE800000001")));
        assertThat(encode(t)).isEqualTo("C0170E0008000A04080002FDE800000001");
    }

    /** The framework applies the table's verdict: RFC 9830 §5 treat-as-withdraw, never an exception. */
    @Test
    void malformedAttributeInAnUpdateIsTreatAsWithdraw() throws Malformed {
        String attrs = "40010100" + "400200" + "400304C0000201" + "C01706" + "000F 0005 0C06";
        String body = "0000" + String.format("%04X", Bytes.fromHex(attrs).length()) + attrs + "180A0000";
        DecodedUpdate d = UpdateCodec.decode(Bytes.fromHex(body).reader(), SESSION);
        assertThat(d.verdict()).isEqualTo(Verdict.TREAT_AS_WITHDRAW);
        assertThat(d.problems()).anyMatch(p -> p.startsWith("tunnel-encap"));
        // RFC 7606 §3c: a well-known flag on attribute 23 is a flags error with the same verdict
        String bad = "40010100" + "400200" + "400304C0000201" + "40170400080000";
        String body2 = "0000" + String.format("%04X", Bytes.fromHex(bad).length()) + bad + "180A0000";
        assertThat(UpdateCodec.decode(Bytes.fromHex(body2).reader(), SESSION).verdict())
                .isEqualTo(Verdict.TREAT_AS_WITHDRAW);
    }

    @Test
    void roundTrip() throws Malformed {
        long seed = Generators.seed();
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 500; i++) {
            TunnelEncap t = TunnelEncapGenerators.tunnelEncap(r);
            WireWriter w = new WireWriter();
            t.encodeValue(w, SESSION);
            assertThat(TunnelEncap.decode(w.toBytes().reader())).as("seed %d", seed).isEqualTo(t);
            TestJsonSink.object(t::json);
            t.text();
        }
    }
}
