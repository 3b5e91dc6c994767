package org.jexabgp.daemon.engine;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jexabgp.reactor.MetricsSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prometheus metrics over HTTP ({@code metrics.listen}, issue 7, docs/operations.md), with the Prometheus Java client's
 * HTTP server and exposition. A scrape posts a task to the loop, which copies the reactor's and the engine's numbers
 * between two turns (the loop holds no lock and does nothing between scrapes); the scrape thread builds the series.
 */
final class MetricsEndpoint implements MultiCollector {
    private static final Logger LOG = LoggerFactory.getLogger("exabgp.metrics");
    /** A loop that does not answer within this is stuck: the scrape fails rather than hangs. */
    private static final long LOOP_TIMEOUT_MILLIS = 5000;
    private static final String[] STATES = {"idle", "connect", "active", "opensent", "openconfirm", "established"};

    private final LoopSupport support;

    private MetricsEndpoint(LoopSupport support) {
        this.support = support;
    }

    /** What one scrape copied on the loop thread. */
    private record Copy(MetricsSnapshot reactor, long turnNanos, long[] turnBuckets,
            Map<String, long[]> programs, Map<String, Long> queuedBytes, int inbox) {}

    static void start(InetSocketAddress address, LoopSupport support) throws IOException {
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new MetricsEndpoint(support));
        HTTPServer server = HTTPServer.builder().inetAddress(address.getAddress()).port(address.getPort())
                .registry(registry).buildAndStart();
        LOG.info("metrics on http://{}:{}/metrics", address.getHostString(), server.getPort());
    }

    private Copy copy() {
        CompletableFuture<Copy> done = new CompletableFuture<>();
        support.inbox.add(new Input.Task(reactor -> {
            LoopStats s = support.stats;
            Map<String, long[]> programs = new java.util.LinkedHashMap<>();
            s.programs.forEach((name, p) -> programs.put(name, new long[] {p.commands, p.lines, p.dropped, p.starts}));
            done.complete(new Copy(reactor.metrics(), s.turnNanos, s.turnBuckets.clone(), programs,
                    support.processes.queuedBytes(), 0));
        }));
        try {
            Copy c = done.get(LOOP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            return new Copy(c.reactor, c.turnNanos, c.turnBuckets, c.programs, c.queuedBytes,
                    support.inbox.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the reactor loop did not answer within " + LOOP_TIMEOUT_MILLIS + " ms", e);
        }
    }

    @Override
    public MetricSnapshots collect() {
        Copy c = copy();
        List<io.prometheus.metrics.model.snapshots.MetricSnapshot> out = new ArrayList<>();

        var state = GaugeSnapshot.builder().name("exabgp_peer_state")
                .help("1 for the neighbour's current FSM state, 0 for the others");
        var established = GaugeSnapshot.builder().name("exabgp_peer_established")
                .help("1 while the session is established");
        var sent = CounterSnapshot.builder().name("exabgp_peer_messages_sent")
                .help("BGP messages sent in the current session, by type");
        var received = CounterSnapshot.builder().name("exabgp_peer_messages_received")
                .help("BGP messages received in the current session, by type");
        var in = GaugeSnapshot.builder().name("exabgp_peer_prefixes_in").help("routes in the Adj-RIB-In");
        var outRib = GaugeSnapshot.builder().name("exabgp_peer_prefixes_out").help("routes in the Adj-RIB-Out");
        for (MetricsSnapshot.PeerMetrics p : c.reactor.peers()) {
            Labels peer = Labels.of("peer", p.peer(), "local_as", Long.toString(p.localAs()), "peer_as",
                    Long.toString(p.peerAs()));
            for (String s : STATES)
                state.dataPoint(gauge(peer.add("state", s), s.equals(p.state()) ? 1 : 0));
            established.dataPoint(gauge(peer, p.state().equals("established") ? 1 : 0));
            p.sent().forEach((type, n) -> sent.dataPoint(counter(peer.add("type", type), n)));
            p.received().forEach((type, n) -> received.dataPoint(counter(peer.add("type", type), n)));
            in.dataPoint(gauge(peer, p.prefixesIn()));
            outRib.dataPoint(gauge(peer, p.prefixesOut()));
        }
        out.add(state.build());
        out.add(established.build());
        out.add(sent.build());
        out.add(received.build());
        out.add(in.build());
        out.add(outRib.build());

        var commands = CounterSnapshot.builder().name("exabgp_process_commands")
                .help("command lines read from the program");
        var lines = CounterSnapshot.builder().name("exabgp_process_events")
                .help("lines (events and answers) queued for the program");
        var dropped = CounterSnapshot.builder().name("exabgp_process_dropped")
                .help("lines dropped because the program did not read its input");
        var starts = CounterSnapshot.builder().name("exabgp_process_starts").help("times the program was started");
        var running = GaugeSnapshot.builder().name("exabgp_process_running").help("1 while the program runs");
        var pending = GaugeSnapshot.builder().name("exabgp_process_pending_commands")
                .help("command lines received and not executed yet");
        var queued = GaugeSnapshot.builder().name("exabgp_process_queued_bytes")
                .help("bytes waiting to be written to the program");
        for (MetricsSnapshot.ProcessMetrics p : c.reactor.processes()) {
            Labels name = Labels.of("process", p.name());
            long[] n = c.programs.getOrDefault(p.name(), new long[4]);
            commands.dataPoint(counter(name, n[0]));
            lines.dataPoint(counter(name, n[1]));
            dropped.dataPoint(counter(name, n[2]));
            starts.dataPoint(counter(name, n[3]));
            running.dataPoint(gauge(name, p.running() ? 1 : 0));
            pending.dataPoint(gauge(name, p.queuedCommands()));
            queued.dataPoint(gauge(name, c.queuedBytes.getOrDefault(p.name(), 0L)));
        }
        out.add(commands.build());
        out.add(lines.build());
        out.add(dropped.build());
        out.add(starts.build());
        out.add(running.build());
        out.add(pending.build());
        out.add(queued.build());

        double[] bounds = new double[LoopStats.TURN_BUCKETS.length + 1];
        System.arraycopy(LoopStats.TURN_BUCKETS, 0, bounds, 0, LoopStats.TURN_BUCKETS.length);
        bounds[bounds.length - 1] = Double.POSITIVE_INFINITY;
        out.add(HistogramSnapshot.builder().name("exabgp_loop_turn_seconds")
                .help("time the reactor took per loop turn")
                .dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder()
                        .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, c.turnBuckets))
                        .sum(c.turnNanos / 1e9)
                        .build())
                .build());
        out.add(GaugeSnapshot.builder().name("exabgp_loop_inbox_depth")
                .help("inputs (commands, bytes, events) waiting for the loop")
                .dataPoint(gauge(Labels.EMPTY, c.inbox))
                .build());
        return new MetricSnapshots(out);
    }

    private static GaugeDataPointSnapshot gauge(Labels labels, double value) {
        return GaugeDataPointSnapshot.builder().labels(labels).value(value).build();
    }

    private static CounterDataPointSnapshot counter(Labels labels, double value) {
        return CounterDataPointSnapshot.builder().labels(labels).value(value).build();
    }
}
