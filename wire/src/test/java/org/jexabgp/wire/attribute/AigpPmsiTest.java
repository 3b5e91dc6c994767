package org.jexabgp.wire.attribute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.TestJsonSink;
import org.jexabgp.wire.WireWriter;
import org.junit.jupiter.api.Test;

class AigpPmsiTest {
    private static final Negotiated SESSION = Negotiated.standalone(1, 1, List.of(Family.IPV4_UNICAST));

    @Test
    void aigpGolden() throws Malformed {
        // RFC 7311 §3: optional non-transitive (0x80), code 26, length 11; TLV type 1, length 11, metric 100
        String hex = "801A0B" + "01" + "000B" + "0000000000000064";
        WireWriter w = new WireWriter();
        Attributes.encode(new Aigp(100), w, SESSION);
        assertThat(w.toBytes().hex()).isEqualTo(hex);
        Aigp a = (Aigp) Aigp.CODEC.decode(Bytes.fromHex(hex.substring(6)).reader(), 0x80, SESSION);
        assertThat(a).isEqualTo(new Aigp(100));
        assertThat(TestJsonSink.object(a::json)).isEqualTo("{\"aigp\":100}");
        assertThat(a.text()).isEqualTo("aigp 100");
    }

    @Test
    void aigpSkipsUnknownTlvsAndRejectsBrokenOnes() throws Malformed {
        // an unknown TLV (type 9, 4 bytes long) before the AIGP TLV is skipped (RFC 7311 §3)
        assertThat(Aigp.CODEC.decode(Bytes.fromHex("090004FF" + "01000B0000000000000007").reader(), 0x80, SESSION))
                .isEqualTo(new Aigp(7));
        for (String bad : List.of("", "01000A00000000000000", "01000C000000000000000700", "01", "020002"))
            assertThatThrownBy(() -> Aigp.CODEC.decode(Bytes.fromHex(bad).reader(), 0x80, SESSION))
                    .as(bad)
                    .isInstanceOf(Malformed.class);
    }

    @Test
    void pmsiIngressReplication() throws Malformed {
        // RFC 6514 §5: flags 0, type 6 (ingress replication), label 1390 with raw value 22247 (bottom bit), 29.5.4.64
        String value = "00" + "06" + "0056E7" + "1D050440";
        PmsiTunnel p = (PmsiTunnel) PmsiTunnel.CODEC.decode(Bytes.fromHex(value).reader(), 0xC0, SESSION);
        assertThat(p.label()).isEqualTo(1390);
        // json.md §5.5 example
        assertThat(TestJsonSink.object(p::json))
                .isEqualTo("{\"pmsi\":\"pmsi:ingressreplication:0:1390(22247):29.5.4.64\"}");
        WireWriter w = new WireWriter();
        p.encodeValue(w, SESSION);
        assertThat(w.toBytes().hex()).isEqualTo(value);
        assertThat(new PmsiTunnel(0, 0, 0, Bytes.EMPTY).text()).isEqualTo("pmsi:notunnel:0:0:");
        assertThatThrownBy(() -> PmsiTunnel.CODEC.decode(Bytes.fromHex("0006000000").reader().take(4), 0xC0, SESSION))
                .isInstanceOf(Malformed.class);
    }
}
