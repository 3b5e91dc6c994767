package org.jexabgp.bench;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jexabgp.core.config.ConfigurationSyntax;
import org.jexabgp.core.config.ProgramCheck;
import org.jexabgp.core.model.Configuration;
import org.jexabgp.core.session.SessionSettings;
import org.jexabgp.reactor.ConnKey;
import org.jexabgp.reactor.Endpoint;
import org.jexabgp.reactor.EventContext;
import org.jexabgp.reactor.Io;
import org.jexabgp.reactor.ProcessKey;
import org.jexabgp.reactor.Reactor;
import org.jexabgp.reactor.ReactorOptions;
import org.jexabgp.wire.IpAddress;
import org.jspecify.annotations.Nullable;
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
 * Issue 5/9 {@code inject}: one {@code announce route P next-hop X} line from a program through the whole reactor —
 * parse, bind to the neighbour, Adj-RIB-Out, the {@code done} answer, UPDATE bytes pulled for the established session
 * — as the benchmark harness's api-feed sends them, {@value #BATCH} lines per turn. The engine (pipes, sockets) is
 * left out. Score: route commands/s. Each pass over the prefixes alternates the next hop, so no line is a duplicate the
 * Adj-RIB-Out would drop.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 4)
@Measurement(iterations = 5, time = 4)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xms1g", "-Xmx1g"})
public class ApiInjectBench {
    static final int BATCH = 4096;
    static final int PREFIXES = 1 << 18;
    private static final String MARKER = "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF";
    private static final String CONFIG = """
            process feed { run /bin/feed; encoder text; }
            neighbor 127.0.1.1 {
                router-id 127.0.1.2;
                local-address 127.0.1.2;
                local-as 65000;
                peer-as 65001;
                family { ipv4 unicast; }
                api { processes [ feed ]; }
            }
            """;

    private final List<List<String>> batches = new ArrayList<>();
    private final ProcessKey feed = new ProcessKey("feed", 1);
    private final byte[] buffer = new byte[64 * 1024];
    private Reactor reactor;
    private ConnKey conn;
    private int next;
    private long now;

    @Setup
    public void establish() throws Exception {
        for (int pass = 0; pass < 2; pass++) {
            for (int start = 0; start < PREFIXES; start += BATCH) {
                List<String> lines = new ArrayList<>(BATCH);
                for (int i = start; i < start + BATCH; i++) {
                    lines.add("announce route %d.%d.%d.0/24 next-hop 127.0.1.%d"
                            .formatted(20 + (i >> 16), (i >> 8) & 0xFF, i & 0xFF, 2 + pass));
                }
                batches.add(lines);
            }
        }
        Configuration c = ConfigurationSyntax.parse(CONFIG, "bench.conf", ProgramCheck.ANY);
        ReactorOptions options =
                new ReactorOptions(179, List.of(), SessionSettings.DEFAULT, true, false, "5.0.0", Map.of());
        reactor = new Reactor(c, options, () -> c, new EventContext("bench", 1, 1, () -> 0.0));
        reactor.start(new NullIo(this), now);
        reactor.connected(conn, new Endpoint(IpAddress.parse("127.0.1.2"), 40000),
                new Endpoint(IpAddress.parse("127.0.1.1"), 179));
        turn();
        String caps = "0206010400010001" + "0206410400" + "00FDE9";
        String open = "04FDE900B47F000101" + "%02X".formatted(caps.length() / 2) + caps;
        byte[] in = HexFormat.of().parseHex(MARKER + "%04X".formatted(19 + open.length() / 2) + "01" + open
                + MARKER + "001304");
        reactor.received(conn, in, 0, in.length);
        for (int i = 0; i < 5; i++) turn();
    }

    private long turn() {
        now += 1_000_000;
        reactor.turn(now);
        long bytes = 0;
        int n;
        while ((n = reactor.pull(conn, buffer, 0, buffer.length)) > 0) bytes += n;
        return bytes;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void announce(Blackhole bh) {
        reactor.commands(feed, batches.get(next));
        next = (next + 1) % batches.size();
        bh.consume(turn());
        bh.consume(turn()); // the first batch after a pause waits for the next turn
    }

    /** An engine that moves nothing: the reactor's output is pulled by the benchmark itself. */
    private static final class NullIo implements Io {
        private final ApiInjectBench bench;

        NullIo(ApiInjectBench bench) {
            this.bench = bench;
        }

        @Override
        public void connect(ConnKey conn, Endpoint remote, @Nullable Endpoint local, ConnectionOptions options) {
            bench.conn = conn;
        }

        @Override
        public void wantsToSend(ConnKey conn) {}

        @Override
        public void close(ConnKey conn) {}

        @Override
        public void listen(Endpoint local) {}

        @Override
        public void startProcess(ProcessKey process, List<String> command, Map<String, String> extraEnvironment) {}

        @Override
        public void toProcess(ProcessKey process, byte[] line, int count) {}

        @Override
        public void stopProcess(ProcessKey process) {}
    }
}
