package org.jexabgp.wire.nlri.inet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.TestJsonSink;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.nlri.Nlri;
import org.junit.jupiter.api.Test;

class InetNlriTest {
    static final Negotiated SESSION = Negotiated.standalone(1, 2, List.of(Family.IPV4_UNICAST));

    static String hex(Nlri n, boolean pathId) {
        WireWriter w = new WireWriter();
        n.encode(w, pathId);
        return w.toBytes().hex();
    }

    @Test
    void encodesLengthThenSignificantBytes() throws Malformed {
        // RFC 4271 §4.3: length in bits, then ceil(len/8) bytes. wire.md §10 conf-ebgp: 18 0A0000 = 10.0.0.0/24
        InetNlri n = InetNlri.of(Family.IPV4_UNICAST, "10.0.0.0/24");
        assertThat(hex(n, false)).isEqualTo("180A0000");
        assertThat(InetNlri.decode(Bytes.fromHex("180A0000").reader(), Family.IPV4_UNICAST, 0, SESSION))
                .isEqualTo(n);
        // wire.md §10 conf-aggregator: 12 010040 = 1.0.64.0/18
        assertThat(hex(InetNlri.of(Family.IPV4_UNICAST, "1.0.64.0/18"), false)).isEqualTo("12010040");
        assertThat(hex(InetNlri.of(Family.IPV4_UNICAST, "0.0.0.0/0"), false)).isEqualTo("00");
        assertThat(hex(InetNlri.of(Family.IPV6_UNICAST, "2001:db8::/32"), false)).isEqualTo("2020010DB8");
    }

    @Test
    void pathIdGoesFirst() {
        // wire.md §5, conf-path-information: 00000001 20 0A00000A
        InetNlri n = new InetNlri(
                Family.IPV4_UNICAST, org.jexabgp.wire.nlri.Prefix.parse("10.0.0.10/32"), 1);
        assertThat(hex(n, true)).isEqualTo("00000001200A00000A");
        assertThat(hex(n, false)).isEqualTo("200A00000A");
    }

    @Test
    void jsonAndText() {
        InetNlri n = new InetNlri(Family.IPV4_UNICAST, org.jexabgp.wire.nlri.Prefix.parse("10.1.0.0/24"), 0);
        // json.md §5.6
        assertThat(render(n, false)).isEqualTo("{\"nlri\":\"10.1.0.0/24\"}");
        assertThat(render(n, true)).isEqualTo("{\"nlri\":\"10.1.0.0/24\",\"path-information\":\"0.0.0.0\"}");
        assertThat(n.text()).isEqualTo("10.1.0.0/24");
        assertThat(render(InetNlri.of(Family.IPV6_UNICAST, "2001:db8:2::/48"), false))
                .isEqualTo("{\"nlri\":\"2001:db8:2::/48\"}");
    }

    private static String render(Nlri n, boolean pathId) {
        TestJsonSink s = new TestJsonSink();
        n.json(s, pathId);
        return s.toString();
    }

    @Test
    void rejectsTooLongMasksAndTruncation() {
        // RFC 4271 §6.3: a prefix longer than the address is an invalid network field (3/10)
        assertThatThrownBy(() -> InetNlri.decode(Bytes.fromHex("21 0A000000 00").reader(), Family.IPV4_UNICAST, 0,
                        SESSION))
                .isInstanceOfSatisfying(Malformed.class, m -> assertThat(m.subcode()).isEqualTo(10));
        assertThatThrownBy(() -> InetNlri.decode(Bytes.fromHex("81").reader(), Family.IPV6_UNICAST, 0, SESSION))
                .isInstanceOf(Malformed.class);
        // /24 needs three bytes
        assertThatThrownBy(() -> InetNlri.decode(Bytes.fromHex("180A00").reader(), Family.IPV4_UNICAST, 0,
                        SESSION))
                .isInstanceOfSatisfying(Malformed.class, m -> assertThat(m.code()).isEqualTo(3));
    }

    @Test
    void keyOrderIsMaskFirst() {
        // wire.md §9.3: 10.0.0.0/8 < 9.0.0.0/16 < 11.0.0.0/24
        List<InetNlri> l = new ArrayList<>(List.of(
                InetNlri.of(Family.IPV4_UNICAST, "11.0.0.0/24"),
                InetNlri.of(Family.IPV4_UNICAST, "9.0.0.0/16"),
                InetNlri.of(Family.IPV4_UNICAST, "10.0.0.0/8")));
        l.sort((a, b) -> a.key().compareTo(b.key()));
        assertThat(l).extracting(InetNlri::text).containsExactly("10.0.0.0/8", "9.0.0.0/16", "11.0.0.0/24");
    }

    @Test
    void familyMustMatchTheAddress() {
        assertThatThrownBy(() -> InetNlri.of(Family.IPV6_UNICAST, "10.0.0.0/8"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
