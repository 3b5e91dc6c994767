package org.jexabgp.wire.nlri.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.TestJsonSink;
import org.jexabgp.wire.WireWriter;
import org.junit.jupiter.api.Test;

/** decode(encode(x)) == x for random rules; key = encoding; renderers accept every rule. */
class FlowRoundTripTest {
    @Test
    void roundTrip() throws Malformed {
        long seed = Long.getLong("jexabgp.seed", System.nanoTime());
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 2000; i++) {
            FlowNlri n = FlowGenerators.rule(r);
            WireWriter w = new WireWriter();
            n.encode(w, false);
            FlowNlri back = FlowNlri.decode(w.toBytes().reader(), n.family());
            assertThat(back).as("seed %d, rule %s", seed, n).isEqualTo(n);
            assertThat(n.key()).as("seed %d", seed).isEqualTo(w.toBytes());
            assertThat(n.text()).as("seed %d", seed).startsWith("flow ");
            TestJsonSink s = new TestJsonSink();
            n.json(s, false);
            assertThat(s.toString()).as("seed %d", seed).contains("\"string\"");
        }
    }
}
