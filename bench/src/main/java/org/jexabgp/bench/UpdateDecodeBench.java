package org.jexabgp.bench;

import java.util.concurrent.TimeUnit;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.attribute.Attribute;
import org.jexabgp.wire.message.MessageCodec;
import org.jexabgp.wire.message.RouteUpdate;
import org.jexabgp.wire.message.Update;
import org.jexabgp.wire.nlri.Nlri;
import org.jexabgp.wire.nlri.inet.InetPrefixes;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Issue 3 speed target (a): decode an UPDATE of 500 IPv4 /24s with ORIGIN, AS_PATH, NEXT_HOP, MED, LOCAL_PREF and
 * COMMUNITIES ({@link Fixtures#typicalUpdate()}), header checks included, and hand every prefix and every attribute to
 * a Blackhole. One operation is one prefix: the score is prefixes/s (target ≥ 20M/s per core).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-XX:+UseSerialGC"})
public class UpdateDecodeBench {
    private final Negotiated session = Fixtures.session();
    private Bytes update;

    @Setup
    public void message() {
        update = Bytes.of(Fixtures.typicalUpdate());
    }

    /** The record API: every prefix an {@code InetNlri} value, as {@code Update.announced()} returns them. */
    @Benchmark
    @OperationsPerInvocation(Fixtures.TYPICAL_PREFIXES)
    public void records(Blackhole bh) throws Malformed {
        Update u = ((RouteUpdate) MessageCodec.decode(update, session)).update();
        for (Attribute a : u.attributes()) bh.consume(a);
        for (Nlri n : u.announced()) bh.consume(n);
    }

    /** The primitive walk: every prefix handed over as its path id, length and address, no object per prefix. */
    @Benchmark
    @OperationsPerInvocation(Fixtures.TYPICAL_PREFIXES)
    public void primitives(Blackhole bh) throws Malformed {
        Update u = ((RouteUpdate) MessageCodec.decode(update, session)).update();
        for (Attribute a : u.attributes()) bh.consume(a);
        InetPrefixes.forEach(u.announced(), (pathId, length, address) -> {
            bh.consume(pathId);
            bh.consume(length);
            bh.consume(address);
        });
    }
}
