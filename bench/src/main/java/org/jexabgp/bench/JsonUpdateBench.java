package org.jexabgp.bench;

import java.nio.charset.StandardCharsets;
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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 3 speed target (c): the ExaBGP JSON bytes of a received UPDATE ({@link Fixtures#typicalUpdate()}: 500 /24s and
 * six attributes), as {@code receive { parsed; update; }} sends it to a process. One operation is one prefix: the
 * score is prefixes/s (target ≥ 2M/s per core). {@code render} starts from the decoded message, {@code decodeAndRender}
 * from its bytes, as the reactor does per received message.
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
    private Message decoded;

    @Setup
    public void message() throws Malformed {
        update = Bytes.of(Fixtures.typicalUpdate());
        decoded = MessageCodec.decode(update, session);
    }

    @Benchmark
    @OperationsPerInvocation(Fixtures.TYPICAL_PREFIXES)
    public byte[] render() {
        return json.message(who, 1, decoded, Direction.of(true), update, MessageForm.PARSED, session, false)
                .getBytes(StandardCharsets.US_ASCII);
    }

    @Benchmark
    @OperationsPerInvocation(Fixtures.TYPICAL_PREFIXES)
    public byte[] decodeAndRender() throws Malformed {
        Message m = MessageCodec.decode(update, session);
        return json.message(who, 1, m, Direction.of(true), update, MessageForm.PARSED, session, false)
                .getBytes(StandardCharsets.US_ASCII);
    }
}
