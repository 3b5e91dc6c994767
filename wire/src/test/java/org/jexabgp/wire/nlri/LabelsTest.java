package org.jexabgp.wire.nlri;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.TestJsonSink;
import org.jexabgp.wire.WireWriter;
import org.junit.jupiter.api.Test;

/** How a label stack prints: ExaBGP shows a received entry's raw 24-bit field next to its label, when not zero. */
class LabelsTest {
    private static String json(Labels l) {
        return TestJsonSink.object(l::json);
    }

    @Test
    void receivedEntriesPrintTheirRawField() {
        Labels one = Labels.received(List.of(1000)); // 0x0003E8: label 62, traffic class 4, bottom-of-stack clear
        assertThat(json(one)).isEqualTo("{\"label\":[[62,1000]]}");
        assertThat(one.text()).isEqualTo("label 62 (1000)");
        Labels two = Labels.received(List.of(17, 33)); // labels 1 and 2, bottom-of-stack on both
        assertThat(json(two)).isEqualTo("{\"label\":[[1,17],[2,33]]}");
        assertThat(two.text()).isEqualTo("label [ 1 (17) 2 (33) ]");
        // a zero field prints the label alone, as ExaBGP omits a zero raw value
        Labels zero = Labels.received(List.of(0));
        assertThat(json(zero)).isEqualTo("{\"label\":[[0]]}");
        assertThat(zero.text()).isEqualTo("label 0");
    }

    @Test
    void configuredAndLabeledPrefixStacksPrintLabelsOnly() throws Malformed {
        assertThat(json(Labels.of(100, 200))).isEqualTo("{\"label\":[[100],[200]]}");
        assertThat(Labels.of(100, 200).text()).isEqualTo("label [ 100 200 ]");
        assertThat(Labels.of(300).text()).isEqualTo("label 300");
        // ExaBGP reduces a labeled or VPN prefix's stack to its 20-bit labels (json.md §5.6 "label": [ [200] ])
        Labels decoded = Labels.decode(Bytes.fromHex("000C81").reader(), 48, 24);
        assertThat(json(decoded)).isEqualTo("{\"label\":[[200]]}");
        assertThat(decoded.received()).isFalse();
    }

    @Test
    void receivedFieldsReEncodeUnchangedAndCompareByField() {
        Labels received = Labels.received(List.of(0x0003E8, 0x800000));
        WireWriter w = new WireWriter();
        received.encode(w);
        assertThat(w.toBytes().hex()).isEqualTo("0003E8800000");
        assertThat(received).isEqualTo(new Labels(List.of(0x0003E8, 0x800000)));
        assertThat(received).hasSameHashCodeAs(new Labels(List.of(0x0003E8, 0x800000)));
        assertThat(received).isNotEqualTo(Labels.received(List.of(0x0003E9, 0x800000)));
    }
}
