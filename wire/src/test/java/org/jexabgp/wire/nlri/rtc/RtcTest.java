package org.jexabgp.wire.nlri.rtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.TestJsonSink;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.nlri.Nlri;
import org.junit.jupiter.api.Test;

class RtcTest {
    private static final Negotiated SESSION = Negotiated.standalone(1, 1, List.of());

    private static Nlri decode(String hex) throws Malformed {
        return Rtc.CODEC.decode(Bytes.fromHex(hex).reader(), Rtc.IPV4_RTC, 0, SESSION);
    }

    private static String json(Nlri n) {
        TestJsonSink s = new TestJsonSink();
        n.json(s, false);
        return s.toString();
    }

    /** RFC 4684 §4: 96 bits = origin AS 65000 + route target 0x0002 FDE8 00000001 (transitive bit cleared). */
    @Test
    void fullMembership() throws Malformed {
        Nlri n = decode("60" + "0000FDE8" + "4002FDE800000001");
        assertThat(json(n)).isEqualTo("{\"origin\":65000,\"route-target\":\"target:65000:1\"}");
        assertThat(n.text()).isEqualTo("rtc 65000:target:65000:1");
        WireWriter w = new WireWriter();
        n.encode(w, false);
        assertThat(w.toBytes().hex()).isEqualTo("600000FDE80002FDE800000001");
    }

    @Test
    void wildcardAndPartial() throws Malformed {
        assertThat(decode("00").text()).isEqualTo("rtc wildcard");
        assertThat(decode("300000FDE80002").text()).isEqualTo("rtc 65000:0x0002/48");
        assertThatThrownBy(() -> decode("10FFFF")).isInstanceOf(Malformed.class);
        assertThatThrownBy(() -> decode("61" + "00".repeat(13))).isInstanceOf(Malformed.class);
    }

    /** What the config and API build (RtcSyntax) encodes as RFC 4684 §4 lays out, and decodes back. */
    @Test
    void builtMembershipsRoundTrip() throws Malformed {
        Rtc full = Rtc.of(65000, Bytes.fromHex("0002FDE800000064"));
        WireWriter w = new WireWriter();
        full.encode(w, false);
        // 96 bits, origin AS 65000, route target AS2 0x0002 65000:100 (RFC 4360 §4)
        assertThat(w.toBytes().hex()).isEqualTo("60" + "0000FDE8" + "0002FDE800000064");
        assertThat(decode(w.toBytes().hex())).isEqualTo(full);
        // the transitive flag bit of a route target does not take part (RFC 4360 §2), as on decode
        assertThat(Rtc.of(65000, Bytes.fromHex("4002FDE800000064"))).isEqualTo(full);
        assertThat(Rtc.of(65000, 48, Bytes.fromHex("0002")).key().hex()).isEqualTo("300000FDE80002");
        assertThat(Rtc.of(65000, 32, Bytes.EMPTY).key().hex()).isEqualTo("200000FDE8");
        assertThat(Rtc.WILDCARD.key().hex()).isEqualTo("00");
        assertThat(json(Rtc.WILDCARD)).isEqualTo("{\"origin\":0,\"route-target\":null}");
        assertThatThrownBy(() -> Rtc.of(65000, 40, Bytes.fromHex("0002"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rtc.of(65000, 44, Bytes.fromHex("01"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rtc.of(1L << 32, 32, Bytes.EMPTY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundTrip() throws Malformed {
        long seed = Long.getLong("jexabgp.seed", System.nanoTime());
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        for (int i = 0; i < 500; i++) {
            Rtc n = RtcGenerators.rtc(r);
            WireWriter w = new WireWriter();
            n.encode(w, false);
            assertThat(decode(w.toBytes().hex())).as("seed %d", seed).isEqualTo(n);
        }
    }
}
