package org.jexabgp.wire.nlri;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.HexFormat;
import java.util.List;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.TestJsonSink;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.nlri.label.LabelFamily;
import org.jexabgp.wire.nlri.label.LabeledNlri;
import org.jexabgp.wire.nlri.vpn.VpnFamily;
import org.jexabgp.wire.nlri.vpn.VpnNlri;

/**
 * Labeled and VPN NLRIs, one at a time: no unchecked exception may escape the decoder, and what decodes re-encodes to
 * the bytes it was read from. The first byte picks the family (bits 0-1) and whether a path id precedes (bit 2).
 */
class MplsNlriFuzz {
    private static final List<Family> FAMILIES =
            List.of(LabelFamily.IPV4, LabelFamily.IPV6, VpnFamily.IPV4, VpnFamily.IPV6);
    private static final Negotiated SESSION = Negotiated.standalone(1, 1, FAMILIES);

    @FuzzTest(maxDuration = "60s")
    void decode(byte[] data) {
        if (data.length == 0) return;
        Family f = FAMILIES.get(data[0] & 3);
        boolean pathId = (data[0] & 4) != 0;
        WireReader in = new WireReader(data, 1, data.length);
        Nlri n;
        int start = in.position();
        try {
            long id = pathId ? in.u32() : 0;
            n = f.safi().equals(VpnFamily.IPV4.safi())
                    ? VpnNlri.decode(in, f, id, SESSION)
                    : LabeledNlri.decode(in, f, id, SESSION);
        } catch (Malformed expected) {
            return;
        }
        String input = HexFormat.of().formatHex(data);
        WireWriter w = new WireWriter();
        n.encode(w, pathId);
        // host bits past the mask are not on the wire, so the bytes read are exactly the bytes written
        byte[] read = java.util.Arrays.copyOfRange(data, start, in.position());
        assertThat(w.toBytes().hex()).as("input %s", input).isEqualTo(HexFormat.of().withUpperCase().formatHex(read));
        n.key();
        n.text();
        n.text("1.2.3.4");
        TestJsonSink s = new TestJsonSink();
        n.json(s, pathId);
    }
}
