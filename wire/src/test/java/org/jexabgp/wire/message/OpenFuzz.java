package org.jexabgp.wire.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.HexFormat;
import java.util.List;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.TestJsonSink;
import org.jexabgp.wire.WireReader;

/**
 * OPEN bodies (RFC 4271 §4.2, RFC 9072 extended parameters, every capability): only {@link Malformed} may escape the
 * decoder; what decodes renders (JSON both ways, text) and re-encodes to bytes that decode to a fixed point. Seeds in
 * {@code OpenFuzzInputs/decode/}.
 */
class OpenFuzz {
    private static final Negotiated SESSION = Negotiated.standalone(65001, 65002, List.of());

    @FuzzTest(maxDuration = "10m")
    void decode(byte[] data) {
        Open first;
        try {
            first = Open.decode(WireReader.of(data));
        } catch (Malformed expected) {
            return;
        }
        String input = HexFormat.of().formatHex(data);
        TestJsonSink.object(s -> first.json(s, true));
        TestJsonSink.object(s -> first.json(s, false));
        first.text();
        first.asn4();
        Bytes once = MessageCodec.encode(first, SESSION);
        Open second = again(once, input);
        Bytes twice = MessageCodec.encode(second, SESSION);
        assertThat(again(twice, input)).as("input %s", input).isEqualTo(second);
    }

    private static Open again(Bytes message, String input) {
        try {
            return (Open) MessageCodec.decode(message, SESSION);
        } catch (Malformed e) {
            throw new AssertionError("re-encoding of " + input + " does not decode: " + message + ": " + e.getMessage());
        }
    }
}
