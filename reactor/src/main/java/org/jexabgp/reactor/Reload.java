package org.jexabgp.reactor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jexabgp.core.model.Configuration;
import org.jexabgp.core.model.Neighbor;
import org.jexabgp.core.model.Route;
import org.jexabgp.core.rib.AdjRibOut;
import org.jexabgp.core.rib.NeighborRibOut;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reload (SIGUSR1, SIGUSR2, API {@code reload}; config.md §1, issue 4). The next configuration is parsed completely
 * before anything changes: when it is invalid the running one stays and the error is logged. When it is valid only the
 * differences are applied:
 * <ul>
 *   <li>a neighbour that is no longer configured is stopped with Cease / Peer De-configured (RFC 4486 §3, 6/3);
 *   <li>a neighbour whose settings changed is stopped with Cease / Other Configuration Change (6/6) and started again
 *       with the new settings;
 *   <li>a neighbour whose settings are the same keeps its session: routes that left are withdrawn, new ones announced;
 *   <li>new neighbours are started.
 * </ul>
 * ExaBGP closes the TCP connection of a removed or changed neighbour without a NOTIFICATION.
 */
final class Reload {
    private static final Logger LOG = LoggerFactory.getLogger("exabgp.reactor");

    /** What the reactor lends a reload: its peers and how to start one. */
    interface Target {
        List<Peer> peers();

        /** Creates, records and starts a peer for the neighbour. */
        void startPeer(Neighbor n);

        /** Installs the new configuration's process table (restarting kept programs when asked). */
        void processes(Configuration next, boolean restart);

        /** Remembers the new configuration as the running one. */
        void configuration(Configuration next);

        @Nullable Route resolveSelf(Peer p, Route r);

        long now();
    }

    private Reload() {}

    /** Loads the next configuration from source and applies it to target; an invalid one changes nothing. */
    static void run(Reactor.ConfigSource source, Target target, boolean restartProcesses) {
        Configuration next;
        try {
            next = source.next();
        } catch (Exception e) {
            LOG.error("reload failed, keeping the current configuration: {}", e.getMessage());
            return;
        }
        apply(next, target, restartProcesses);
        LOG.info("configuration reloaded");
    }

    static void apply(Configuration next, Target target, boolean restartProcesses) {
        target.processes(next, restartProcesses);
        long now = target.now();
        // Match by the selector name first (peer, local address, ASNs, router-id); what is left is matched by peer
        // address, so that a neighbour whose ASN or router-id changed is "changed" (6/6) rather than removed (6/3).
        Map<String, Neighbor> wanted = new LinkedHashMap<>();
        for (Neighbor n : next.neighbors()) wanted.put(n.name(), n);
        List<Peer> current = target.peers();
        Map<Peer, Neighbor> matched = new LinkedHashMap<>();
        for (Peer p : current) {
            Neighbor n = wanted.remove(p.name());
            if (n != null) matched.put(p, n);
        }
        for (Peer p : current) {
            if (matched.containsKey(p)) continue;
            for (Map.Entry<String, Neighbor> e : wanted.entrySet()) {
                Neighbor n = e.getValue();
                if (n.peerAddress().equals(p.neighbor.peerAddress())
                        && n.peerPrefixLength() == p.neighbor.peerPrefixLength()) {
                    matched.put(p, n);
                    wanted.remove(e.getKey());
                    break;
                }
            }
        }
        List<Peer> kept = new ArrayList<>();
        List<Neighbor> restarted = new ArrayList<>();
        Map<Peer, List<RouteChange>> changes = new LinkedHashMap<>();
        for (Peer p : current) {
            Neighbor n = matched.get(p);
            if (n == null) {
                LOG.info("reload: neighbor {} removed", p.neighbor.peerAddress());
                p.session.stop(now, 6, 3, "Peer De-configured", true);
                p.rib.release();
            } else if (!p.neighbor.sameSession(n)) {
                LOG.info("reload: neighbor {} changed, restarting its session", p.neighbor.peerAddress());
                p.session.stop(now, 6, 6, "Other Configuration Change", true);
                p.rib.release(); // a new peer takes its place
                restarted.add(n);
            } else {
                changes.put(p, routeChanges(target, p, n));
                // the same bindings may now reach other programs (processes-match, a process added or removed)
                p.subscriptions = new Subscriptions(n.api(), next.processes());
                kept.add(p);
            }
        }
        applyRouteChanges(changes);
        current.clear();
        current.addAll(kept);
        target.configuration(next);
        for (Neighbor n : restarted) target.startPeer(n);
        for (Neighbor n : wanted.values()) target.startPeer(n);
    }

    /** A configured route a reload withdraws or announces, as it goes to that neighbour. */
    private record RouteChange(Route route, boolean announce) {}

    /**
     * The configured routes that left are withdrawn, new ones announced (config.md §1); the session stays. Returns the
     * changes, made by {@link #applyRouteChanges}.
     */
    private static List<RouteChange> routeChanges(Target target, Peer p, Neighbor next) {
        List<Route> before = p.neighbor.routes();
        List<Route> after = next.routes();
        java.util.Set<Route> afterSet = new java.util.HashSet<>(after);
        java.util.Set<Route> beforeSet = new java.util.HashSet<>(before);
        List<RouteChange> changes = new ArrayList<>();
        for (Route r : before) {
            if (!afterSet.contains(r)) {
                Route resolved = target.resolveSelf(p, r);
                if (resolved != null) changes.add(new RouteChange(resolved, false));
            }
        }
        for (Route r : after) {
            if (!beforeSet.contains(r) && !(r.withdrawn() && r.watchdog() != null)) {
                Route resolved = target.resolveSelf(p, r);
                if (resolved != null) changes.add(new RouteChange(resolved, true));
            }
        }
        // the next reload compares against these routes
        p.neighbor = next;
        return changes;
    }

    /**
     * Makes each neighbour's changes, in order. Neighbours with the same changes (a template's routes) get them through
     * one {@link NeighborRibOut.Fanout} a change: those sharing an Adj-RIB-Out keep sharing it, made once, rather than
     * each taking a copy of it (a large table shared by many neighbours was copied by each within the reload's turn).
     */
    private static void applyRouteChanges(Map<Peer, List<RouteChange>> changes) {
        Map<List<RouteChange>, List<Peer>> alike = new LinkedHashMap<>();
        for (Map.Entry<Peer, List<RouteChange>> e : changes.entrySet()) {
            if (e.getValue().isEmpty()) continue;
            alike.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(e.getKey());
        }
        NeighborRibOut.Fanout<Route> fanout = new NeighborRibOut.Fanout<>();
        for (Map.Entry<List<RouteChange>, List<Peer>> group : alike.entrySet()) {
            for (RouteChange c : group.getKey()) {
                for (Peer p : group.getValue()) fanout.add(p.rib, c.route());
                fanout.apply(c.announce() ? AdjRibOut::announce : AdjRibOut::withdraw);
            }
        }
        for (Map.Entry<Peer, List<RouteChange>> e : changes.entrySet())
            for (RouteChange c : e.getValue()) routeChanged(e.getKey(), c.route(), c.announce());
    }

    /** runtime.md §7: the {@code message} category tells the route changes a reload made. */
    private static void routeChanged(Peer p, Route route, boolean announce) {
        LogCategories.ribOut(p, route, announce);
        if (LogCategories.MESSAGE.isInfoEnabled())
            LogCategories.MESSAGE.info("reload: peer {} {} {}", LogCategories.who(p),
                    announce ? "announces" : "withdraws", LogCategories.text(route));
    }
}
