package org.jexabgp.wire.nlri.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.HexFormat;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.TestJsonSink;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;

/**
 * One FlowSpec NLRI: the first byte picks the family (bit 0: IPv6, bit 1: flow-vpn), the rest is the NLRI. No
 * unchecked exception; what decodes re-encodes to a rule that decodes equal, and renders.
 */
class FlowNlriFuzz {
    @FuzzTest(maxDuration = "60s")
    void decode(byte[] data) {
        if (data.length == 0) return;
        Family family = switch (data[0] & 3) {
            case 0 -> FlowFamily.IPV4_FLOW_FAMILY;
            case 1 -> FlowFamily.IPV6_FLOW_FAMILY;
            case 2 -> FlowFamily.IPV4_FLOW_VPN_FAMILY;
            default -> FlowFamily.IPV6_FLOW_VPN_FAMILY;
        };
        FlowNlri n;
        try {
            n = FlowNlri.decode(new WireReader(data, 1, data.length), family);
        } catch (Malformed expected) {
            return;
        }
        String input = HexFormat.of().formatHex(data);
        WireWriter w = new WireWriter();
        n.encode(w, false);
        FlowNlri again;
        try {
            again = FlowNlri.decode(w.toBytes().reader(), family);
        } catch (Malformed e) {
            throw new AssertionError("re-encoding of " + input + " does not decode: " + e.getMessage());
        }
        assertThat(again).as("input %s", input).isEqualTo(n);
        n.text();
        n.json(new TestJsonSink(), false);
    }
}
