package org.jexabgp.reactor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jexabgp.core.config.ConfigError;
import org.jexabgp.core.config.RouteTemplates;
import org.jexabgp.core.model.Route;
import org.jexabgp.core.model.RouteList;
import org.jexabgp.core.rib.AdjRibOut;
import org.jexabgp.core.rib.NeighborRibOut;
import org.jexabgp.reactor.api.Command;
import org.jexabgp.reactor.api.CommandParser;
import org.jexabgp.reactor.api.Selector;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.message.Operational;
import org.jexabgp.wire.message.OperationalType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies commands from programs, in the order each program sent them, answering each after its effect (api.md §3).
 * Runs inside the turn, after peers sent: the routes it queues go out in the next turn's peer step.
 */
final class CommandRunner {
    private static final Logger LOG = LoggerFactory.getLogger("exabgp.processes");
    /** Lines taken from one program per turn, so timers and keepalives never wait behind a flood. */
    private static final int LINES_PER_TURN = 4096;
    /**
     * Characters taken from one program per turn: bulk lines carry hundreds of routes each, and 4,096 of them held
     * back every UPDATE until a whole feed was applied (issue 9: inject-bulk's first route came with its last).
     */
    private static final long CHARS_PER_TURN = 256 * 1024;
    /**
     * Route changes (routes times neighbours) made per turn: a program announcing to 200 neighbours made 200,000 of
     * them in the first turn, a third of a second while the sessions' OPENs waited (issue 9). Batched (V4Batch), a
     * change costs a fraction of what it did: 64K of them are 40-60 ms of a cold start, and each turn's UPDATEs to
     * every neighbour four times fuller than with 16K (peers 200x1000: 0.646 -> 0.549 s, CPU 1.02 -> 0.89 s).
     */
    private static final long CHANGES_PER_TURN = 64 * 1024;
    /** What a change the batch cannot take (IPv6, path-ids, other families, logging each route) counts for. */
    private static final int UNBATCHED_WEIGHT = 4;

    private final Reactor reactor;
    /** Route commands' attribute texts, parsed once (ARCHITECTURE §8); pure, so shared by every program. */
    private final RouteTemplates templates = new RouteTemplates();
    /** Route commands and routes applied from the program being run this turn: one INFO line per batch. */
    private int batchCommands;
    private int batchRoutes;
    /** Route changes made this turn, all programs together ({@link #CHANGES_PER_TURN}). */
    private long changes;
    /** The peers of the command being applied ({@link #bound}). */
    private final List<Peer> boundPeers = new ArrayList<>();
    /** IPv4 route commands taken but not yet in the Adj-RIB-Outs ({@link V4Batch}). */
    private final V4Batch batch = new V4Batch();
    /** A route command's change, made once per Adj-RIB-Out its neighbours share; with whom it reached and how. */
    private final NeighborRibOut.Fanout<Route> fanout = new NeighborRibOut.Fanout<>();

    private final List<Peer> reached = new ArrayList<>();
    private final List<Route> resolved = new ArrayList<>();
    /** The programs of the turn being run: the batch's answers are written when it goes in. */
    private @Nullable Processes processes;
    /** Set by {@link #batchRoutes}: the command's answer waits for its batch. */
    private boolean answerWithBatch;

    CommandRunner(Reactor reactor) {
        this.reactor = reactor;
    }

    /** Runs the queued commands of every program; returns true when some are left for the next turn. */
    boolean run(Processes processes) {
        boolean more = false;
        changes = 0;
        this.processes = processes;
        for (Processes.Entry e : processes.all()) {
            long chars = 0;
            ProcessKey key = e.key;
            try {
                // tables copied this turn (neighbours leaving the ones they shared) count as changes of theirs
                for (int i = 0; i < LINES_PER_TURN && chars < CHARS_PER_TURN
                        && changes + reactor.ribs.copiedThisTurn() < CHANGES_PER_TURN && !e.lines.isEmpty(); i++) {
                    String line = e.lines.poll();
                    chars += line.length() + 1;
                    if (line.startsWith("debug ")) {
                        LOG.warn("{} {}", e.spec.name(), line.substring(6));
                        continue;
                    }
                    apply(processes, e, line);
                }
            } finally {
                applyBatch();
            }
            if (batchCommands > 0) {
                LOG.info("{} route command(s), {} route(s) applied from {}", batchCommands, batchRoutes, e.spec.name());
                batchCommands = 0;
                batchRoutes = 0;
            }
            // the engine reads ahead only a bounded amount of each program's output (ARCHITECTURE §8)
            if (chars > 0 && key != null) reactor.io().commandsTaken(key, chars);
            more |= !e.lines.isEmpty();
        }
        return more;
    }

    private void apply(Processes processes, Processes.Entry e, String line) {
        Command command = line.startsWith("\u0000") ? new Command.Invalid(line, "line too long") : CommandParser.parse(line);
        if (LogCategories.PARSER.isDebugEnabled())
            LogCategories.PARSER.debug("command from {}: {} -> {}", e.spec.name(), line,
                    command.getClass().getSimpleName());
        // any other command sees (or changes) the RIBs and peers: the batch goes in first
        if (!(command instanceof Command.Routes)) applyBatch();
        boolean ok;
        try {
            ok = execute(processes, e, command);
        } catch (RuntimeException bug) {
            // A bug in one command costs only that command (api.md §2 rule 5: ExaBGP then sends nothing; we answer).
            LOG.error("command from {} failed: {}", e.spec.name(), line, bug);
            ok = false;
        }
        if (answerWithBatch) {
            answerWithBatch = false;
            batch.answers++;
            return;
        }
        if (command instanceof Command.Ack a) {
            answerAck(processes, e, a);
            return;
        }
        if (command instanceof Command.Reset) return;
        if (e.ack) processes.write(e, ok ? "done" : "error");
    }

    private void answerAck(Processes processes, Processes.Entry e, Command.Ack a) {
        switch (a.mode()) {
            case ENABLE -> {
                e.ack = true;
                processes.write(e, "done");
            }
            case DISABLE -> {
                processes.write(e, "done");
                e.ack = false;
            }
            case SILENCE -> e.ack = false;
        }
    }

    private boolean execute(Processes processes, Processes.Entry e, Command command) {
        // Route commands, nearly all a program sends, are taken before the switch: a switch on the type is linked at
        // run time by a bootstrap that generates a class, milliseconds of a start (issue 9), now paid only by a
        // program that sends another command.
        if (command instanceof Command.Routes r) return routes(e, r);
        return switch (command) {
            case Command.Routes r -> routes(e, r);
            case Command.EndOfRib c -> {
                List<Peer> peers = established(c.selectors());
                for (Peer p : peers) p.session.requestEndOfRib(c.family());
                yield !peers.isEmpty() || noMatch(command);
            }
            case Command.RouteRefresh c -> {
                List<Peer> peers = established(c.selectors());
                for (Peer p : peers) p.session.requestRouteRefresh(c.family());
                yield !peers.isEmpty() || noMatch(command);
            }
            case Command.Teardown c -> {
                // api.md §4.10: without a neighbor selector teardown selects nothing, and still answers done
                if (c.selectors().isEmpty()) yield true;
                List<Peer> peers = established(c.selectors());
                for (Peer p : peers) p.session.teardown(reactor.now(), c.subcode(), "");
                yield !peers.isEmpty() || noMatch(command);
            }
            case Command.FlushAdjRibOut c -> {
                List<Peer> peers = established(c.selectors());
                for (Peer p : peers) p.session.flushAdjRibOut();
                yield !peers.isEmpty() || noMatch(command);
            }
            case Command.ClearAdjRib c -> {
                List<Peer> peers = select(reactor.peers(), c.selectors());
                for (Peer p : peers) {
                    if (c.out()) p.rib.withdrawAll();
                    if (c.in()) p.clearRibIn();
                    if (LogCategories.RIB.isInfoEnabled()) {
                        String which = !c.in() ? "adj-rib-out" : c.out() ? "adj-rib-in and adj-rib-out" : "adj-rib-in";
                        LogCategories.RIB.info("peer {} {} cleared", LogCategories.who(p), which);
                    }
                }
                yield !peers.isEmpty() || noMatch(command);
            }
            case Command.Watchdog w -> watchdog(w);
            case Command.ShowNeighbor s -> {
                for (String l : Show.neighbors(reactor.peers(), s, reactor.now())) processes.write(e, l);
                yield true;
            }
            case Command.ShowAdjRib s -> {
                for (String l : Show.adjRib(reactor.peers(), s)) processes.write(e, l);
                yield true;
            }
            case Command.SendOperational o -> operational(e, o);
            case Command.Version v -> {
                processes.write(e, "exabgp " + reactor.options().version());
                yield true;
            }
            case Command.Help h -> {
                for (String l : Show.help()) processes.write(e, l);
                yield true;
            }
            case Command.Shutdown s -> {
                processes.write(e, "shutdown in progress");
                if (e.ack) processes.write(e, "done");
                e.ack = false; // the answer is written now: the shutdown notice follows it
                signalAll("none", 0);
                reactor.shutdown("shutting down");
                yield true;
            }
            case Command.Reload r -> {
                processes.write(e, "reload in progress");
                signalAll("none", 0);
                reactor.reload(false);
                yield true;
            }
            case Command.Restart r -> {
                processes.write(e, "restart in progress");
                signalAll("none", 0);
                reactor.restart();
                yield true;
            }
            case Command.Reset r -> true;
            case Command.Ack a -> true;
            case Command.Crash c -> throw new IllegalStateException("crash: the API's test hook (api.md §4.15)");
            case Command.Comment c -> {
                LOG.debug("comment from {}: {}", e.spec.name(), c.text());
                yield true;
            }
            case Command.CreateNeighbor c -> {
                try {
                    yield reactor.createNeighbor(DynamicNeighbors.parse(c.text(), reactor.configuration()));
                } catch (ConfigError | IllegalArgumentException err) {
                    LOG.warn("create neighbor from {} refused: {}", e.spec.name(), err.getMessage());
                    yield false;
                }
            }
            case Command.DeleteNeighbor c -> {
                List<Peer> peers = select(reactor.peers(), c.selectors());
                for (Peer p : peers) reactor.removePeer(p, "Peer De-configured");
                yield !peers.isEmpty() || noMatch(command);
            }
            case Command.Invalid i -> {
                LOG.warn("command from process not understood : {} ({})", i.line(), i.reason());
                yield false;
            }
        };
    }

    private void signalAll(String name, int number) {
        for (Peer p : reactor.peers()) reactor.events().signal(p, name, number);
    }

    private boolean noMatch(Command command) {
        LOG.warn("no neighbor matching the command : {}", command);
        return false;
    }

    private boolean routes(Processes.Entry e, Command.Routes r) {
        // issue 9: IPv4 routes of one shape go to the Adj-RIB-Out as the shape and their prefixes, no route per prefix
        Route shape = templates.v4(r.text(), !r.announce());
        if (shape != null && !AdjRibOut.fastShape(shape)) shape = null;
        if (shape != null && !LOG.isDebugEnabled() && !LogCategories.ribOutEnabled())
            return batchRoutes(e, r, shape);
        applyBatch();
        List<Route> routes = List.of();
        if (shape == null) {
            try {
                routes = templates.parseApiRoute(r.text(), !r.announce());
            } catch (ConfigError err) {
                LOG.warn("could not parse route command from {}: {}", e.spec.name(), err.getMessage());
                return false;
            }
        }
        List<Peer> peers = bound(e, r.selectors(), r.text());
        if (peers.isEmpty()) return false;
        if (shape != null) v4Routes(peers, r.announce(), shape, templates.v4Prefixes(), templates.v4Count());
        else for (Route route : routes) route(peers, r.announce(), route);
        count(shape != null ? templates.v4Count() : routes.size(), tables(peers) * UNBATCHED_WEIGHT);
        if (LOG.isDebugEnabled())
            LOG.debug("route {} {} : {}", r.announce() ? "added to" : "removed from", peers.size() + " peer(s)", r.text());
        return true;
    }

    /**
     * A command's IPv4 routes of one shape join the batch when it holds routes of the same program, shape, direction
     * and neighbours, else they start a new one. Applied in order and before anything else reads the RIBs, a batch
     * changes them as its commands one by one would, at one call per neighbour, not one per command and neighbour
     * (issue 9: a program announcing to 200 neighbours made 200 calls of each route). Its commands are answered once
     * it went in.
     */
    private boolean batchRoutes(Processes.Entry e, Command.Routes r, Route shape) {
        if (!batch.takes(e, r, shape)) {
            applyBatch();
            List<Peer> peers = bound(e, r.selectors(), r.text());
            if (peers.isEmpty()) return false;
            batch.start(e, r, shape, peers);
        }
        batch.add(templates.v4Prefixes(), templates.v4Count());
        count(templates.v4Count(), batch.tables);
        answerWithBatch = true;
        return true;
    }

    /** Puts the batched routes into their neighbours' Adj-RIB-Outs, then answers their commands, in order. */
    private void applyBatch() {
        Route shape = batch.shape;
        Processes.Entry from = batch.entry;
        if (batch.count == 0 || shape == null || from == null) {
            batch.clear();
            return;
        }
        boolean ok = true;
        try {
            v4Routes(batch.peers, batch.announce, shape, batch.prefixes, batch.count);
        } catch (RuntimeException bug) {
            // as a bug in one command costs only that command (apply), one in a batch costs only the batch's commands
            LOG.error("route commands from {} failed: {} route(s) of {}", from.spec.name(), batch.count, shape, bug);
            ok = false;
        }
        Processes out = processes;
        if (from.ack && out != null) for (int i = 0; i < batch.answers; i++) out.write(from, ok ? "done" : "error");
        batch.clear();
    }

    /**
     * The Adj-RIB-Outs these neighbours hold: a change costs one per table, whatever the neighbours sharing it (update
     * groups; issue 9: counted per neighbour, 200 neighbours of one table had a program's 1,000 routes applied over
     * four turns, while their sessions came up and drained the first part).
     */
    private static int tables(List<Peer> peers) {
        return NeighborRibOut.tables(peers, p -> p.rib);
    }

    /** Counts route changes against the turn's bound: {@code peers} is the tables reached, times any weight. */
    private void count(int routes, int peers) {
        batchCommands++;
        batchRoutes += routes;
        changes += (long) routes * peers;
    }

    /** One route for these neighbours: made once in each Adj-RIB-Out they share (update groups, NeighborRibOut). */
    private void route(List<Peer> peers, boolean announce, Route route) {
        try {
            if (!resolve(peers, route, 1)) return;
            fanout.apply(announce ? AdjRibOut::announce : AdjRibOut::withdraw);
            for (int i = 0; i < reached.size(); i++) LogCategories.ribOut(reached.get(i), resolved.get(i), announce);
        } finally {
            reached.clear();
            resolved.clear();
        }
    }

    /** Routes of a shape and these IPv4 prefixes ({@link RouteTemplates#v4}), as {@link #route} treats each of them. */
    private void v4Routes(List<Peer> peers, boolean announce, Route shape, long[] prefixes, int n) {
        try {
            if (!resolve(peers, shape, n)) return;
            fanout.apply(announce
                    ? (rib, r) -> rib.announceV4(r, prefixes, 0, n)
                    : (rib, r) -> rib.withdrawV4(r, prefixes, 0, n));
            if (!LogCategories.ribOutEnabled()) return;
            for (int p = 0; p < reached.size(); p++) {
                for (int i = 0; i < n; i++) {
                    Route r = RouteList.withPrefix(resolved.get(p), prefixes[i]);
                    LogCategories.ribOut(reached.get(p), r, announce);
                }
            }
        } finally {
            reached.clear();
            resolved.clear();
        }
    }

    /**
     * Puts into {@link #fanout} (and {@link #reached}, {@link #resolved}) the neighbours that take {@code routes} routes
     * of this shape, each with the route as it goes to it ({@code next-hop self}); false when none does.
     */
    private boolean resolve(List<Peer> peers, Route shape, int routes) {
        for (Peer p : peers) {
            if (!familyConfigured(p, shape.family(), routes)) continue;
            Route r = reactor.resolveSelf(p, shape);
            if (r == null) continue;
            fanout.add(p.rib, r);
            reached.add(p);
            resolved.add(r);
        }
        return !reached.isEmpty();
    }

    /** Whether the neighbour has the family; if not, one error line per route, as ExaBGP logs them. */
    private static boolean familyConfigured(Peer p, Family f, int routes) {
        if (p.neighbor.families().contains(f)) return true;
        for (int i = 0; i < routes; i++)
            LOG.error("the route family ({}) is not configured on neighbor {}", f, p.neighbor.peerAddress());
        return false;
    }

    /**
     * The peers a route-changing command from this program reaches: those whose api blocks name it (api.md §2.1 (a)),
     * filtered by the selectors. When none matches, the log says which neighbours the program is bound to, the
     * answer to users' most frequent question (users.md §2.1).
     */
    private List<Peer> bound(Processes.Entry e, List<Selector> selectors, String what) {
        List<Peer> candidates = boundPeers; // reused: the callers only walk the list before the next command
        candidates.clear();
        for (Peer p : reactor.peers()) if (e.everyNeighbor || p.subscriptions.processes().contains(e.spec.name())) candidates.add(p);
        List<Peer> peers = selectors.isEmpty() ? candidates : select(candidates, selectors);
        if (peers.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (Peer p : candidates) names.add(p.neighbor.peerAddress().toString());
            LOG.warn("no neighbor matching the command : {} (process {} is bound to {})", what, e.spec.name(),
                    names.isEmpty() ? "no neighbor: name it in a neighbor's api { processes [ ... ] }" : names);
        }
        return peers;
    }

    /** api.md §4.8: sent to selected peers that allow operational messages for that family; ASM kept for reconnects. */
    private boolean operational(Processes.Entry e, Command.SendOperational o) {
        List<Peer> peers = bound(e, o.selectors(), "announce operational " + o.type().keyword());
        if (peers.isEmpty()) return false;
        for (Peer p : peers) {
            if (!p.neighbor.capabilities().operational() || !p.neighbor.families().contains(o.family())) {
                LOG.debug("operational {} not sent to {}: capability operational or family {} not configured",
                        o.type().keyword(), p.neighbor.peerAddress(), o.family().name());
                continue;
            }
            Operational message = Operational.of(o.content(p.neighbor.routerId()));
            if (o.type() == OperationalType.ASM) p.staticAdvisories.put(o.family(), message);
            p.session.sendOperational(message);
        }
        return true;
    }

    private boolean watchdog(Command.Watchdog w) {
        for (Peer p : reactor.peers()) {
            for (Route route : p.neighbor.routes()) {
                if (!w.name().equals(route.watchdog())) continue;
                Route resolved = reactor.resolveSelf(p, route);
                if (resolved == null) continue;
                if (w.announce()) p.rib.announce(resolved);
                else p.rib.withdraw(resolved);
                LogCategories.ribOut(p, resolved, w.announce());
            }
        }
        return true;
    }

    private List<Peer> established(List<Selector> selectors) {
        List<Peer> out = new ArrayList<>();
        for (Peer p : select(reactor.peers(), selectors)) if (p.session.established()) out.add(p);
        return out;
    }

    private static List<Peer> select(List<Peer> candidates, List<Selector> selectors) {
        List<Peer> out = new ArrayList<>();
        // no selector selects every candidate: skip building each peer's name (once per route command, issue 9)
        if (selectors.isEmpty()) return new ArrayList<>(candidates);
        for (Peer p : candidates) if (Selector.any(selectors, p.name())) out.add(p);
        return out;
    }

    /** Consecutive IPv4 route commands of one program, shape, direction and selection ({@link #batchRoutes}). */
    private static final class V4Batch {
        Processes.@Nullable Entry entry;
        @Nullable Route shape;
        boolean announce;
        List<Selector> selectors = List.of();
        final List<Peer> peers = new ArrayList<>();
        /** The Adj-RIB-Outs its peers hold ({@link #tables}). */
        int tables;
        long[] prefixes = new long[64];
        int count;
        /** Its commands, answered once it goes in. */
        int answers;

        /**
         * RouteTemplates keys its shapes by direction too, so the same shape is the same direction today; the shape
         * itself does not say it (a withdrawal's is not marked withdrawn), hence the explicit check.
         */
        boolean takes(Processes.Entry e, Command.Routes r, Route shape) {
            return count > 0 && entry == e && this.shape == shape && announce == r.announce()
                    && selectors.equals(r.selectors());
        }

        void start(Processes.Entry e, Command.Routes r, Route shape, List<Peer> peers) {
            entry = e;
            this.shape = shape;
            announce = r.announce();
            selectors = r.selectors();
            this.peers.clear();
            this.peers.addAll(peers);
            tables = tables(peers);
        }

        void add(long[] more, int n) {
            if (count + n > prefixes.length) prefixes = Arrays.copyOf(prefixes, Math.max(count + n, prefixes.length * 2));
            System.arraycopy(more, 0, prefixes, count, n);
            count += n;
        }

        void clear() {
            count = 0;
            answers = 0;
            entry = null;
            shape = null;
            selectors = List.of();
            peers.clear();
            tables = 0;
        }
    }
}
