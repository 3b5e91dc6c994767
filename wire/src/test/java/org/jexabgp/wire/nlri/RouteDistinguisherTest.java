package org.jexabgp.wire.nlri;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.WireWriter;
import org.junit.jupiter.api.Test;

/** RFC 4364 §4.2 layouts and config.md §12 text rules. */
class RouteDistinguisherTest {
    private static String hex(RouteDistinguisher rd) {
        WireWriter w = new WireWriter();
        rd.encode(w);
        return w.toBytes().hex();
    }

    @Test
    void typeZeroForTwoByteAsn() {
        // type 0000, asn FDE8 (65000), number 00000001: conf-vpn's RD inside 71 003E81 0000FDE800000001 0A000000
        RouteDistinguisher rd = RouteDistinguisher.parse("65000:1");
        assertThat(hex(rd)).isEqualTo("0000FDE800000001");
        assertThat(rd.type()).isZero();
        assertThat(rd).hasToString("65000:1");
        // the number may use all 32 bits when the ASN fits 16: 3215:583457597 = 0C8F 22C6DB3D (conf-parity)
        assertThat(hex(RouteDistinguisher.parse("3215:583457597"))).isEqualTo("00000C8F22C6DB3D");
    }

    @Test
    void typeOneForAnAddress() {
        // type 0001, 192.168.201.1 = C0A8C901, number 007B (123): conf-l2vpn's VPLS RD
        RouteDistinguisher rd = RouteDistinguisher.parse("192.168.201.1:123");
        assertThat(hex(rd)).isEqualTo("0001C0A8C901007B");
        assertThat(rd).hasToString("192.168.201.1:123");
        assertThat(RouteDistinguisher.type1(IpAddress.parse("192.168.201.1"), 123)).isEqualTo(rd);
    }

    @Test
    void typeTwoForFourByteAsn() {
        // asn 65536 does not fit 2 bytes: type 0002, asn 00010000, number 0005
        RouteDistinguisher rd = RouteDistinguisher.parse("65536:5");
        assertThat(hex(rd)).isEqualTo("0002000100000005");
        assertThat(rd).hasToString("65536:5");
        // a 2-byte ASN whose number needs 32 bits stays type 0; 65535:65536 = conf-flow's flow-vpn RD
        assertThat(hex(RouteDistinguisher.parse("65535:65536"))).isEqualTo("0000FFFF00010000");
    }

    @Test
    void rejectsWhatNoTypeHolds() {
        // config.md §12: asn ≥ 65536 and number ≥ 65536 fits no type
        assertThatThrownBy(() -> RouteDistinguisher.parse("65536:65536")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RouteDistinguisher.parse("1.2.3.4:65536"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RouteDistinguisher.parse("65000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RouteDistinguisher.parse("a:1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RouteDistinguisher.parse("1:-1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownTypeIsKeptAndPrintedAsHex() throws Exception {
        Bytes raw = Bytes.fromHex("0003 0102030405 06");
        RouteDistinguisher rd = RouteDistinguisher.decode(raw.reader());
        assertThat(hex(rd)).isEqualTo(raw.hex());
        assertThat(rd).hasToString("0x0003010203040506");
    }
}
