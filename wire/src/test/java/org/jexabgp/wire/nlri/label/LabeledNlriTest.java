package org.jexabgp.wire.nlri.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.TestJsonSink;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.nlri.Labels;
import org.jexabgp.wire.nlri.Nlri;
import org.jexabgp.wire.nlri.Prefix;
import org.junit.jupiter.api.Test;

/** RFC 8277 §2 labeled prefixes: hex ↔ value ↔ JSON (json.md §5.6) ↔ text (json.md §8). */
class LabeledNlriTest {
    static final Negotiated SESSION = Negotiated.standalone(1, 1, List.of(LabelFamily.IPV4, LabelFamily.IPV6));

    static String hex(Nlri n, boolean pathId) {
        WireWriter w = new WireWriter();
        n.encode(w, pathId);
        return w.toBytes().hex();
    }

    static LabeledNlri decode(String hex, Family f) throws Malformed {
        return LabeledNlri.decode(Bytes.fromHex(hex).reader(), f, 0, SESSION);
    }

    @Test
    void bottomOfStackOnTheLastLabelOnly() throws Malformed {
        // wire.md §5: label [100 200] on 10.2/16: length 40 (2×24+16), 100<<4 = 000640 (no BoS), 200<<4|1 = 000C81,
        // prefix 0A02
        LabeledNlri n = new LabeledNlri(LabelFamily.IPV4, Prefix.parse("10.2.0.0/16"), Labels.of(100, 200), 0);
        assertThat(hex(n, false)).isEqualTo("40000640000C810A02");
        assertThat(decode("40 000640 000C81 0A02", LabelFamily.IPV4)).isEqualTo(n);
        assertThat(n.labels().labels()).containsExactly(100, 200);
    }

    @Test
    void confPrefixSidVector() throws Malformed {
        // conf-prefix-sid.msg MP_REACH: 38 (24+32) C35011 (800001<<4|1) C6336464 (198.51.100.100/32)
        LabeledNlri n = decode("38C35011C6336464", LabelFamily.IPV4);
        assertThat(n.prefix()).isEqualTo(Prefix.parse("198.51.100.100/32"));
        assertThat(n.labels()).isEqualTo(Labels.of(800001));
        assertThat(hex(n, false)).isEqualTo("38C35011C6336464");
    }

    @Test
    void pathIdFirstWithAddPath() {
        // RFC 7911 §3: 4-byte path id 00000007 before the length byte
        LabeledNlri n = new LabeledNlri(LabelFamily.IPV4, Prefix.parse("10.0.0.0/24"), Labels.of(16), 7);
        assertThat(hex(n, true)).isEqualTo("00000007" + "30" + "000101" + "0A0000");
    }

    @Test
    void withdrawalCompatibilityValueIsKept() throws Malformed {
        // RFC 8277 §2.4: a withdrawal may carry 0x800000 instead of a label; it ends the stack and re-encodes as sent
        LabeledNlri n = decode("28 800000 0A02", LabelFamily.IPV4);
        assertThat(n.prefix()).isEqualTo(Prefix.parse("10.2.0.0/16"));
        assertThat(hex(n, false)).isEqualTo("288000000A02");
    }

    @Test
    void labelsAreNotPartOfTheIdentity() {
        Prefix p = Prefix.parse("10.0.0.0/8");
        assertThat(new LabeledNlri(LabelFamily.IPV4, p, Labels.of(1), 0).key())
                .isEqualTo(new LabeledNlri(LabelFamily.IPV4, p, Labels.of(2, 3), 0).key());
        assertThat(new LabeledNlri(LabelFamily.IPV4, p, Labels.of(1), 1).key())
                .isNotEqualTo(new LabeledNlri(LabelFamily.IPV4, p, Labels.of(1), 0).key());
    }

    @Test
    void jsonAndText() {
        LabeledNlri n = new LabeledNlri(LabelFamily.IPV4, Prefix.parse("10.4.0.0/24"), Labels.of(200), 0);
        // json.md §5.6: { "nlri": "10.4.0.0/24", "label": [ [200] ] }
        assertThat(json(n, false)).isEqualTo("{\"nlri\":\"10.4.0.0/24\",\"label\":[[200]]}");
        assertThat(json(n, true))
                .isEqualTo("{\"nlri\":\"10.4.0.0/24\",\"path-information\":\"0.0.0.0\",\"label\":[[200]]}");
        assertThat(n.text()).isEqualTo("10.4.0.0/24 label 200");
        assertThat(n.text("1.2.3.4")).isEqualTo("10.4.0.0/24 label 200 next-hop 1.2.3.4");
        LabeledNlri two = new LabeledNlri(LabelFamily.IPV6, Prefix.parse("2001:db8::/32"), Labels.of(1, 2), 0);
        assertThat(json(two, false)).isEqualTo("{\"nlri\":\"2001:db8::/32\",\"label\":[[1],[2]]}");
        assertThat(two.text()).isEqualTo("2001:db8::/32 label [ 1 2 ]");
    }

    @Test
    void malformed() {
        // 16 bits: no room for a 24-bit label
        assertThatThrownBy(() -> decode("10 0A02", LabelFamily.IPV4)).isInstanceOf(Malformed.class);
        // two labels without bottom of stack, then only 16 bits left
        assertThatThrownBy(() -> decode("40 000640 000C80 0A02", LabelFamily.IPV4)).isInstanceOf(Malformed.class);
        // 24 + 33 bits: an IPv4 prefix longer than 32
        assertThatThrownBy(() -> decode("39 000641 0A000000 00", LabelFamily.IPV4)).isInstanceOf(Malformed.class);
        // length says 24 + 24 bits, only 2 prefix bytes follow
        assertThatThrownBy(() -> decode("30 000641 0A00", LabelFamily.IPV4)).isInstanceOf(Malformed.class);
    }

    static String json(Nlri n, boolean pathId) {
        TestJsonSink s = new TestJsonSink();
        n.json(s, pathId);
        return s.toString();
    }
}
