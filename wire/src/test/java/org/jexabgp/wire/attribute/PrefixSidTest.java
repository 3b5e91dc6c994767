package org.jexabgp.wire.attribute;

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
import org.junit.jupiter.api.Test;

/** BGP Prefix-SID (40), wire.md §6.1: TLV hex ↔ value ↔ JSON (json.md §5.5) ↔ text. */
class PrefixSidTest {
    static final Negotiated SESSION = Negotiated.standalone(1, 1, List.of(Family.IPV4_UNICAST));

    static PrefixSid decode(String valueHex) throws Malformed {
        return (PrefixSid) PrefixSid.CODEC.decode(Bytes.fromHex(valueHex).reader(), 0xC0, SESSION);
    }

    static String encode(Attribute a) {
        WireWriter w = new WireWriter();
        Attributes.encode(a, w, SESSION);
        return w.toBytes().hex();
    }

    // conf-prefix-sid.msg: C0 28 0A | 01 0007 00 0000 00000309 (label index 777)
    static final String LABEL_INDEX_777 = "01 0007 00 0000 00000309";
    // conf-prefix-sid.msg: index 300 (0000012C), then TLV 3 length 000E: flags 0000, ranges 0C3500/001000
    // (800000, 4096) and 0F4240/001388 (1000000, 5000)
    static final String INDEX_300_SRGB = "01 0007 00 0000 0000012C 03 000E 0000 0C3500 001000 0F4240 001388";
    // wire.md §6.1: TLV 5 length 0022, reserved 00, sub-TLV 1 length 001E: reserved, SID 2001:db8:1:1::, flags 00,
    // behavior 0048, reserved; sub-sub-TLV 1 length 0006: 40 18 10 00 00 00 (64, 24, 16, 0, 0, 0)
    static final String SRV6_L3 = "05 0022 00 01 001E 00 20010DB8000100010000000000000000 00 0048 00 01 0006 401810000000";

    @Test
    void labelIndex() throws Malformed {
        PrefixSid sid = decode(LABEL_INDEX_777);
        assertThat(sid).isEqualTo(PrefixSid.of(new PrefixSid.LabelIndex(777)));
        assertThat(encode(sid)).isEqualTo("C0280A" + Bytes.fromHex(LABEL_INDEX_777).hex());
        assertThat(TestJsonSink.object(sid::json)).isEqualTo("{\"bgp-prefix-sid\":{\"sr-label-index\":777}}");
        assertThat(sid.text()).isEqualTo("bgp-prefix-sid [ 777 ]");
    }

    @Test
    void labelIndexAndSrgb() throws Malformed {
        PrefixSid sid = decode(INDEX_300_SRGB);
        assertThat(sid)
                .isEqualTo(PrefixSid.of(
                        new PrefixSid.LabelIndex(300),
                        new PrefixSid.OriginatorSrgb(
                                0,
                                List.of(new PrefixSid.SrgbRange(800000, 4096), new PrefixSid.SrgbRange(1000000, 5000)))));
        assertThat(encode(sid)).isEqualTo("C0281B" + Bytes.fromHex(INDEX_300_SRGB).hex());
        assertThat(TestJsonSink.object(sid::json))
                .isEqualTo("{\"bgp-prefix-sid\":{\"sr-label-index\":300,\"sr-srgbs\":[[800000,4096],[1000000,5000]]}}");
        assertThat(sid.text()).isEqualTo("bgp-prefix-sid [ 300, [ ( 800000,4096 ), ( 1000000,5000 ) ] ]");
    }

    @Test
    void srv6L3Service() throws Malformed {
        PrefixSid sid = decode(SRV6_L3);
        PrefixSid expected = PrefixSid.of(PrefixSid.Srv6Service.l3(
                IpAddress.parse("2001:db8:1:1::"), 0x48, new PrefixSid.SidStructure(64, 24, 16, 0, 0, 0)));
        assertThat(sid).isEqualTo(expected);
        assertThat(encode(expected)).isEqualTo("C02825" + Bytes.fromHex(SRV6_L3).hex());
        // json.md §5.5 with J5 fixed: real SID and numbers
        assertThat(TestJsonSink.object(sid::json))
                .isEqualTo("{\"bgp-prefix-sid\":{\"l3-service\":[{\"sid\":\"2001:db8:1:1::\",\"flags\":0,"
                        + "\"endpoint_behavior\":72,\"structure\":{\"locator-block-length\":64,"
                        + "\"locator-node-length\":24,\"function-length\":16,\"argument-length\":0,"
                        + "\"transposition-length\":0,\"transposition-offset\":0}}]}}");
        assertThat(sid.text()).isEqualTo("bgp-prefix-sid-srv6 ( l3-service 2001:db8:1:1:: 0x48 [64,24,16,0,0,0] )");
    }

    @Test
    void srv6WithoutStructureAndL2() {
        // SID information without sub-sub-TLV: sub-TLV length 0015 (21), service TLV length 0019 (1 + 3 + 21)
        PrefixSid sid = PrefixSid.of(PrefixSid.Srv6Service.l2(IpAddress.parse("2001:db8::1"), 0xFFFF, null));
        assertThat(encode(sid))
                .isEqualTo("C0281C" + "060019" + "00" + "010015" + "00" + "20010DB8000000000000000000000001" + "00"
                        + "FFFF" + "00");
    }

    @Test
    void unknownTlvsAreKept() throws Malformed {
        // RFC 8669 §3: unknown TLVs are propagated unchanged; type 2 (deprecated IPv6 SID) length 0003
        PrefixSid sid = decode("02 0003 AABBCC " + LABEL_INDEX_777);
        assertThat(sid.tlvs().getFirst()).isEqualTo(new PrefixSid.RawTlv(2, Bytes.fromHex("AABBCC")));
        assertThat(encode(sid)).isEqualTo("C02810" + "020003AABBCC" + Bytes.fromHex(LABEL_INDEX_777).hex());
    }

    @Test
    void malformed() {
        // RFC 8669 §3.1: label index length must be 7
        assertThatThrownBy(() -> decode("01 0006 00 0000 000003")).isInstanceOf(Malformed.class);
        // SRGB: flags plus a partial range
        assertThatThrownBy(() -> decode("03 0005 0000 0C3500")).isInstanceOf(Malformed.class);
        // TLV length overruns the attribute
        assertThatThrownBy(() -> decode("01 0007 00 0000")).isInstanceOf(Malformed.class);
        // SID information shorter than its fixed 21 bytes
        assertThatThrownBy(() -> decode("05 0005 00 01 0001 00")).isInstanceOf(Malformed.class);
        // SID structure is 6 bytes
        assertThatThrownBy(() -> decode(
                        "05 0021 00 01 001D 00 20010DB8000100010000000000000000 00 0048 00 01 0005 4018100000"))
                .isInstanceOf(Malformed.class);
    }
}
