package org.jexabgp.bench;

import java.util.concurrent.TimeUnit;
import org.jexabgp.reactor.EventContext;
import org.jexabgp.reactor.json.Direction;
import org.jexabgp.reactor.json.EventNeighbor;
import org.jexabgp.reactor.json.JsonEncoder;
import org.jexabgp.reactor.json.MessageForm;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.message.Message;
import org.jexabgp.wire.message.MessageCodec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * ExaBGP JSON of one received full UPDATE (about 1,000 IPv4 /24s), as {@code receive { parsed; update; }} sends it to a
 * process: decode included, as the reactor does both per message.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-XX:+UseSerialGC"})
public class JsonUpdateBench {
    private final Negotiated session = Fixtures.session();
    private final JsonEncoder json = new JsonEncoder(new EventContext("bench", 1, 1, () -> 1.5));
    private final EventNeighbor who = new EventNeighbor("127.0.1.2", "127.0.1.1", 65000, 65000);
    private Bytes update;

    @Setup
    public void message() {
        update = Bytes.of(Fixtures.updates(2000).getFirst());
    }

    @Benchmark
    public String decodeAndRender() throws Malformed {
        Message m = MessageCodec.decode(update, session);
        return json.message(who, 1, m, Direction.of(true), update, MessageForm.PARSED, session, false);
    }
}
