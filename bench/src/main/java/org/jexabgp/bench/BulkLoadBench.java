package org.jexabgp.bench;

import java.util.concurrent.TimeUnit;
import org.jexabgp.core.model.AttributeSet;
import org.jexabgp.core.model.Route;
import org.jexabgp.core.rib.AdjRibOut;
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

/**
 * Issue 9 {@code inject-bulk}'s Adj-RIB-Out side: a million new IPv4 /24s announced into an empty Adj-RIB-Out in
 * batches of 500, as {@code announce attributes ... nlri} lines hand them over ({@code AdjRibOut.announceV4}), the
 * tables growing from empty. Score: routes/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xms1g", "-Xmx1g", "-XX:PretenureSizeThreshold=512k"})
public class BulkLoadBench {
    static final int BATCH = 500;

    static final int ROUTES = 1_000_000;

    private long[] prefixes;
    private Route shape;
    private AdjRibOut rib;

    @Setup(Level.Trial)
    public void prefixes() {
        AttributeSet a = Fixtures.attributes(10);
        shape = Fixtures.route(0, a);
        prefixes = new long[ROUTES];
        // as RouteTemplates.v4Prefixes gives them: the IPv4 address shifted left 8, the prefix length in the low byte
        for (int i = 0; i < ROUTES; i++) prefixes[i] = ((0x14000000L + ((long) i << 8)) << 8) | 24;
    }

    @Setup(Level.Invocation)
    public void rib() {
        rib = new AdjRibOut();
    }

    @Benchmark
    @OperationsPerInvocation(ROUTES)
    public AdjRibOut announce() {
        for (int from = 0; from < ROUTES; from += BATCH)
            rib.announceV4(shape, prefixes, from, Math.min(ROUTES, from + BATCH));
        return rib;
    }
}
