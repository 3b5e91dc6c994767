package org.jexabgp.bench;

import java.util.concurrent.TimeUnit;
import org.jexabgp.core.model.AttributeSet;
import org.jexabgp.core.model.Route;
import org.jexabgp.core.rib.AdjRibOut;
import org.jexabgp.core.rib.PackingOptions;
import org.jexabgp.core.rib.UpdateSink;
import org.jexabgp.wire.Negotiated;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * Issue 3 speed target (b): 1,000,000 pending IPv4 /24s sharing one attribute set packed into UPDATE bytes (the drain
 * of an Adj-RIB-Out; the announcements are made untimed before each invocation). Score: prefixes/s (target ≥ 10M/s).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 4)
@Measurement(iterations = 5, time = 4)
@Fork(value = 2, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xms2g", "-Xmx2g"})
public class PendingPackBench {
    static final int N = 1_000_000;

    private final Negotiated session = Fixtures.session();
    private Route[] routes;
    private AdjRibOut rib;

    @Setup(Level.Trial)
    public void routes() {
        AttributeSet a = Fixtures.attributes(10);
        routes = new Route[N];
        for (int i = 0; i < N; i++) routes[i] = Fixtures.route(i, a);
    }

    @Setup(Level.Invocation)
    public void pending() {
        rib = new AdjRibOut();
        for (Route r : routes) rib.announce(r);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void drain(Blackhole bh) {
        UpdateSink sink = (message, length) -> bh.consume(message[length - 1]);
        rib.drain(session, PackingOptions.DEFAULT, true, sink);
    }
}
