package org.jexabgp.wire.nlri.evpn;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.HexFormat;
import java.util.List;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.TestJsonSink;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.nlri.Nlri;

/** One EVPN NLRI: no unchecked exception; what decodes re-encodes to the bytes it consumed, and renders. */
class EvpnFuzz {
    private static final Negotiated SESSION = Negotiated.standalone(1, 1, List.of());

    @FuzzTest(maxDuration = "60s")
    void decode(byte[] data) {
        WireReader in = WireReader.of(data);
        Nlri n;
        try {
            n = Evpn.CODEC.decode(in, EvpnFamily.L2VPN_EVPN_FAMILY, 0, SESSION);
        } catch (Malformed expected) {
            return;
        }
        String input = HexFormat.of().formatHex(data);
        WireWriter w = new WireWriter();
        n.encode(w, false);
        assertThat(w.toBytes().hex().toLowerCase()).as(input).isEqualTo(input.substring(0, 2 * in.position()));
        n.json(new TestJsonSink(), false);
        assertThat(n.text()).as(input).isNotEmpty();
    }
}
