package org.jexabgp.reactor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the daemon's metrics endpoint exports from the reactor (issue 7), copied on the loop thread at scrape time so
 * that the loop keeps no locks and no extra work between scrapes.
 *
 * @param peers one entry per neighbour, in configuration order
 * @param processes one entry per API program (the CLI channels included)
 */
public record MetricsSnapshot(List<PeerMetrics> peers, List<ProcessMetrics> processes) {
    public MetricsSnapshot {
        peers = List.copyOf(peers);
        processes = List.copyOf(processes);
    }

    /**
     * @param peer the neighbour's address
     * @param localAs {@code local-as}, 0 when auto
     * @param peerAs {@code peer-as}, 0 when auto
     * @param state the FSM state, lower case (idle, active, connect, opensent, openconfirm, established)
     * @param sent messages sent in the current session, by type name ({@link MessageStatistics#NAMES})
     * @param received messages received in the current session, by type name
     * @param prefixesIn routes in the Adj-RIB-In
     * @param prefixesOut routes in the Adj-RIB-Out
     * @param pendingOutput the session has bytes waiting to be written
     */
    public record PeerMetrics(
            String peer,
            long localAs,
            long peerAs,
            String state,
            Map<String, Long> sent,
            Map<String, Long> received,
            long prefixesIn,
            long prefixesOut,
            boolean pendingOutput) {}

    /**
     * @param name the process block's name
     * @param running a program (or CLI channel) is running under this name
     * @param queuedCommands command lines received and not executed yet
     */
    public record ProcessMetrics(String name, boolean running, long queuedCommands) {}

    static MetricsSnapshot of(List<Peer> peers, Processes processes) {
        List<PeerMetrics> pm = new ArrayList<>(peers.size());
        for (Peer p : peers) {
            Map<String, Long> sent = new LinkedHashMap<>(), received = new LinkedHashMap<>();
            for (String m : MessageStatistics.NAMES) {
                sent.put(m, p.statistics.sent(m));
                received.put(m, p.statistics.received(m));
            }
            Long local = p.neighbor.localAs(), remote = p.neighbor.peerAs();
            pm.add(new PeerMetrics(p.neighbor.peerAddress().toString(), local == null ? 0 : local,
                    remote == null ? 0 : remote, p.session.state().name().toLowerCase(Locale.ROOT), sent, received,
                    p.ribInSize(), p.rib.routes().size(), p.session.hasOutput()));
        }
        List<ProcessMetrics> xm = new ArrayList<>();
        for (Processes.Entry e : processes.all()) xm.add(new ProcessMetrics(e.spec.name(), e.key != null, e.lines.size()));
        return new MetricsSnapshot(pm, xm);
    }
}
