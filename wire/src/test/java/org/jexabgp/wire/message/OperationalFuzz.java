package org.jexabgp.wire.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.TestJsonSink;

/** OPERATIONAL bodies: the decoder only throws Malformed; what decodes re-encodes to the same bytes and renders. */
class OperationalFuzz {
    @FuzzTest(maxDuration = "30s")
    void decode(byte[] data) {
        Bytes body = Bytes.of(data);
        OperationalContent c;
        try {
            c = OperationalContent.decode(body);
        } catch (Malformed expected) {
            return;
        }
        if (!(c instanceof OperationalContent.Advisory)) assertThat(c.encode()).isEqualTo(body);
        try {
            assertThat(OperationalContent.decode(c.encode())).isEqualTo(c);
        } catch (Malformed e) {
            throw new AssertionError("re-encoding of " + body.hex() + " does not decode", e);
        }
        TestJsonSink.object(c::json);
        c.text();
    }
}
