package org.jexabgp.bench;

import java.util.SplittableRandom;
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
 * Steady-state churn on a RIB holding 200,000 routes: per operation 1,000 changes (announcements alternating between
 * two attribute sets, a quarter withdrawals) then a drain. Score: changes per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xms1g", "-Xmx1g"})
public class AdjRibOutChurnBench {
    static final int ROUTES = 200_000;
    static final int BATCH = 1_000;

    private final Negotiated session = Fixtures.session();
    private final AttributeSet[] sets = {Fixtures.attributes(1), Fixtures.attributes(2)};
    private Route[][] routes;
    private AdjRibOut rib;
    private SplittableRandom random;

    @Setup(Level.Trial)
    public void fill() {
        routes = new Route[2][ROUTES];
        for (int s = 0; s < 2; s++) for (int i = 0; i < ROUTES; i++) routes[s][i] = Fixtures.route(i, sets[s]);
        rib = new AdjRibOut();
        for (int i = 0; i < ROUTES; i++) rib.announce(routes[0][i]);
        rib.drain(session, PackingOptions.DEFAULT, true, (m, l) -> {});
        random = new SplittableRandom(9);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void churn(Blackhole bh) {
        for (int i = 0; i < BATCH; i++) {
            Route r = routes[random.nextInt(2)][random.nextInt(ROUTES)];
            if (random.nextInt(4) == 0) rib.withdraw(r);
            else rib.announce(r);
        }
        UpdateSink sink = (message, length) -> bh.consume(length);
        rib.drain(session, PackingOptions.DEFAULT, true, sink);
    }
}
