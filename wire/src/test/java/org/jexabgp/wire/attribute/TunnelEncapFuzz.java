package org.jexabgp.wire.attribute;

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

/**
 * Tunnel Encapsulation attribute bodies (RFC 9012, RFC 9830 §2.4): no unchecked exception may escape the decoder, a
 * decoded value re-encodes to bytes that decode to an equal value, and JSON and text take anything decoded.
 */
class TunnelEncapFuzz {
    private static final Negotiated SESSION = Negotiated.standalone(1, 1, List.of(Family.IPV4_UNICAST));

    @FuzzTest(maxDuration = "60s")
    void decode(byte[] data) {
        Attribute first;
        try {
            first = TunnelEncap.CODEC.decode(WireReader.of(data), 0xC0, SESSION);
        } catch (Malformed expected) {
            return;
        }
        String input = HexFormat.of().formatHex(data);
        WireWriter w = new WireWriter();
        first.encodeValue(w, SESSION);
        Attribute second;
        try {
            second = TunnelEncap.CODEC.decode(w.toBytes().reader(), 0xC0, SESSION);
        } catch (Malformed e) {
            throw new AssertionError("re-encoding of " + input + " does not decode: " + e.getMessage());
        }
        assertThat(second).as("input %s", input).isEqualTo(first);
        TestJsonSink.object(first::json);
        first.text();
    }
}
