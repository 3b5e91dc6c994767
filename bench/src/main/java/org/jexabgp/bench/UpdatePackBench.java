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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Adj-RIB-Out announce of N IPv4 routes into an empty RIB, then drain to UPDATE bytes (wire.md §9): grouped (about
 * 1000 NLRIs per UPDATE) and ungrouped (one UPDATE per route). Score: operations = routes, so ops/s = routes/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xms1g", "-Xmx1g"})
public class UpdatePackBench {
    static final int N = 100_000;

    @Param({"true", "false"})
    boolean grouped;

    private Route[] routes;
    private final Negotiated session = Fixtures.session();
    private AdjRibOut rib;

    @Setup(Level.Trial)
    public void routes() {
        AttributeSet a = Fixtures.attributes(10);
        routes = new Route[N];
        for (int i = 0; i < N; i++) routes[i] = Fixtures.route(i, a);
    }

    @Setup(Level.Invocation)
    public void rib() {
        rib = new AdjRibOut();
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void announceAndDrain(Blackhole bh) {
        for (Route r : routes) rib.announce(r);
        UpdateSink sink = (message, length) -> bh.consume(length);
        rib.drain(session, new PackingOptions(grouped), true, sink);
    }
}
