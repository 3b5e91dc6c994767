package org.jexabgp.wire.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.HexFormat;
import java.util.List;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireReader;

/**
 * Whole BGP messages (header + body): no unchecked exception may escape, and what decodes re-encodes to bytes that
 * decode to a fixed point (the first re-encoding may normalise, e.g. drop empty capabilities or split parameters).
 */
class MessageFuzz {
    private static final Negotiated SESSION =
            Negotiated.standalone(65001, 65002, List.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST));

    @FuzzTest(maxDuration = "10m")
    void decode(byte[] data) {
        Message first;
        try {
            WireReader in = WireReader.of(data);
            Header header = MessageCodec.header(in, SESSION.messageSize());
            if (in.remaining() < header.bodyLength()) return;
            first = MessageCodec.decode(header.type(), in.take(header.bodyLength()), SESSION);
        } catch (Malformed expected) {
            return;
        }
        String input = HexFormat.of().formatHex(data);
        Bytes once = MessageCodec.encode(first, SESSION);
        Message second = decodeAgain(once, input);
        Bytes twice = MessageCodec.encode(second, SESSION);
        Message third = decodeAgain(twice, input);
        assertThat(third).as("input %s", input).isEqualTo(second);
        assertThat(MessageCodec.encode(third, SESSION)).as("input %s", input).isEqualTo(twice);
    }

    private static Message decodeAgain(Bytes bytes, String input) {
        try {
            return MessageCodec.decode(bytes, SESSION);
        } catch (Malformed e) {
            throw new AssertionError("re-encoding of " + input + " does not decode: " + bytes + ": " + e.getMessage());
        }
    }
}
