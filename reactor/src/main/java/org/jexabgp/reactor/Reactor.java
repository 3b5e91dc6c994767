package org.jexabgp.reactor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jexabgp.core.fsm.State;
import org.jexabgp.core.model.Configuration;
import org.jexabgp.core.model.ApiBinding;
import org.jexabgp.core.model.Neighbor;
import org.jexabgp.core.model.Route;
import org.jexabgp.core.model.RouteList;
import org.jexabgp.core.rib.AdjRibOut;
import org.jexabgp.core.rib.NeighborRibOut;
import org.jexabgp.core.rib.UpdatePacker;
import org.jexabgp.core.session.Collision;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.message.MessageCodec;
import org.jexabgp.wire.message.Notification;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop's owner of all protocol state: sessions, RIBs and the process table. Engines only queue inputs through the
 * public methods; state changes happen in {@link #turn}, in ExaBGP's order (runtime.md §5.2): signals and new
 * connections, peers send, API commands are queued, callbacks run, API writes are flushed. Loop thread only.
 */
public final class Reactor {
    private static final Logger LOG = LoggerFactory.getLogger("exabgp.reactor");
    private static final long SECOND = 1_000_000_000L;
    /** How long a shutdown waits for NOTIFICATIONs to be written before the loop ends. */
    private static final long SHUTDOWN_GRACE_NANOS = SECOND / 2;

    /** Where a reload gets the next configuration (debug.rotate cycles through several files). */
    public interface ConfigSource {
        /** The configuration to apply, or throws with a message saying what is wrong and where. */
        Configuration next() throws Exception;
    }

    private sealed interface ConnEvent {
        record Connected(ConnKey conn, Endpoint local, Endpoint remote) implements ConnEvent {}

        record Accepted(ConnKey conn, Endpoint local, Endpoint remote) implements ConnEvent {}

        record Closed(ConnKey conn, String reason) implements ConnEvent {}
    }

    private record SignalIn(String name, int number) {}

    private final ReactorOptions options;
    private final ConfigSource configs;
    private final EventContext context;
    private final List<Peer> peers = new ArrayList<>();
    private final Map<ConnKey, Peer> byConn = new HashMap<>();
    /** Second connections held while a collision is resolved (RFC 4271 §6.8), by connection. */
    private final Map<ConnKey, Peer> heldBy = new HashMap<>();
    /** Bytes still to be written on connections the reactor has given up (NOTIFICATION then close). */
    private final Map<ConnKey, byte[]> farewell = new LinkedHashMap<>();
    private final Map<ConnKey, Integer> farewellOffset = new HashMap<>();
    /**
     * Connections a session closed, until the engine reports them gone (the peer read our NOTIFICATION and closed its
     * side) or {@link #CLOSE_WAIT} passed: the peer's next connection waits for that, so a peer never sees the new
     * session begin before the old one's last words (issue 5: api-teardown).
     */
    private final Map<ConnKey, Closing> closing = new HashMap<>();
    /** The TCP-MD5 keys and TTL options the listeners carry, by neighbour address or range. */
    private final Map<Guarded, Io.ConnectionOptions> guarded = new LinkedHashMap<>();

    private record Closing(Peer peer, long deadline) {}

    /** How long a reconnection waits at most for the previous connection of the peer to be gone. */
    static final long CLOSE_WAIT = SECOND;
    private final ArrayDeque<ConnEvent> connEvents = new ArrayDeque<>();
    private final ArrayDeque<SignalIn> signals = new ArrayDeque<>();
    private final CommandRunner commands;
    /** Every peer's Adj-RIB-Out packs its UPDATEs with this one: they are all drained on the loop thread. */
    final UpdatePacker packer = new UpdatePacker();
    /** Neighbours start sharing one empty Adj-RIB-Out (update groups: NeighborRibOut). */
    final NeighborRibOut.Starter ribs = new NeighborRibOut.Starter(packer);
    private Configuration config;
    private Processes processes;
    private Events events;
    private @Nullable Io io;
    private long now;
    private long nextOutgoing = 1;
    private boolean shuttingDown;
    /** A shutdown decided during the turn, started once the turn's commands have been answered. */
    private @Nullable String pendingShutdown;
    private long shutdownDeadline = Long.MAX_VALUE;
    private boolean done;
    private int exitCode;

    public Reactor(Configuration config, ReactorOptions options, ConfigSource configs, EventContext context) {
        this.config = config;
        this.options = options;
        this.configs = configs;
        this.context = context;
        this.processes = new Processes(config.processes(), options.ack(), options.respawn(), options.processEnvironment());
        JsonFormat json = new JsonFormat(context, org.jexabgp.reactor.json.JsonDialect.of(options.jsonVersion()));
        this.events = new Events(processes, json, new TextFormat(context));
        this.commands = new CommandRunner(this);
    }

    /**
     * Before {@link #start}: adds the control channel of {@code exabgp cli} (runtime.md §3) as an internal process the
     * engine runs from {@code run}; it may address every neighbour (api.md §1.6) and survives reloads.
     */
    public void addControlChannel(String name, List<String> run) {
        processes.addInternal(new org.jexabgp.core.model.ApiProcess(
                name, run, org.jexabgp.core.model.ApiProcess.Encoder.TEXT, true));
    }

    /** Before {@link #start}: {@code api.terminate}, the daemon stops when a program ends for good (api.md §1.5). */
    public void terminateWhenProgramLost(boolean terminate) {
        processes.terminateWhenLost(terminate);
    }

    /**
     * Before {@link #start}: {@code tcp.delay} (runtime.md §5.1 step 10), the sessions start this long after the
     * reactor ({@link StartDelay} counts it to the next multiple of N minutes). Meanwhile programs and the CLI run.
     */
    public void delayPeers(long nanos) {
        peersDelay = nanos;
    }

    private long peersDelay;
    /** When the delayed sessions start (reactor clock); peers added before then wait in {@link #unstarted}. */
    private long peersStartAt = Long.MIN_VALUE;
    private final List<Peer> unstarted = new ArrayList<>();

    /**
     * What the daemon does around the programs' start (runtime.md §5.1 steps 5–9: drop privileges before or after
     * them, write the pid file). A step that returns false stops the daemon with exit code 1.
     */
    public interface StartSteps {
        /** Every socket listens; the programs are not started yet. */
        default boolean listening() {
            return true;
        }

        /** The programs are started. */
        default boolean started() {
            return true;
        }
    }

    private StartSteps startSteps = new StartSteps() {};

    /** Before {@link #start}: the daemon's start steps. */
    public void startSteps(StartSteps steps) {
        this.startSteps = steps;
    }

    // ---- engine inputs (queue only) ----

    /** The first turn's work: listen, start programs, start peers. */
    public void start(Io io, long nowNanos) {
        this.io = io;
        this.now = nowNanos;
        if (peersDelay > 0) {
            peersStartAt = nowNanos + peersDelay;
            LOG.info("waiting for {} seconds before connecting (tcp.delay)", (peersDelay + SECOND - 1) / SECOND);
        }
        // RFC 2385: keys (and ranges' TTL options) are in place before any socket listens, so that no SYN is ever
        // answered unsigned between the listen and the neighbour's start
        for (Neighbor n : config.neighbors()) protectListeners(n);
        for (Endpoint e : options.bind()) io.listen(e);
        // A neighbour's own "listen <port>" listens on its local address (runtime.md §5.1 step 4).
        for (Neighbor n : config.neighbors())
            if (n.listenPort() != 0 && n.localAddress() != null) io.listen(new Endpoint(n.localAddress(), n.listenPort()));
        // the CLI's files may be root's (/run/exabgp): they are opened before the privilege drop, as the sockets
        processes.startControlChannels(io);
        if (!startSteps.listening()) {
            exitCode = 1;
            shutdown("could not start");
            return;
        }
        processes.startPrograms(io);
        // Then the connections (ExaBGP's order): our OPEN follows the TCP handshake within the first turn. Forking the
        // programs takes a cold loop a few hundred ms; a connection made before that waited as long for our OPEN, and
        // a peer that also connects out (FRR, every 2 s) opened a second one meanwhile: a collision, a session lost.
        if (!config.processes().isEmpty() && anyEvents(config.neighbors())) events.prepare();
        for (Neighbor n : config.neighbors()) addPeer(n, true);
        if (!startSteps.started()) {
            exitCode = 1;
            shutdown("could not start");
        }
    }

    public void connected(ConnKey conn, Endpoint local, Endpoint remote) {
        connEvents.add(new ConnEvent.Connected(conn, local, remote));
    }

    public void accepted(ConnKey conn, Endpoint local, Endpoint remote) {
        connEvents.add(new ConnEvent.Accepted(conn, local, remote));
    }

    public void closed(ConnKey conn, String reason) {
        connEvents.add(new ConnEvent.Closed(conn, reason));
    }

    /** Bytes read from a connection: appended to its session's input, handled in the next turn. */
    public void received(ConnKey conn, byte[] data, int offset, int length) {
        Peer p = byConn.get(conn);
        if (p != null) p.session.received(data, offset, length);
        else if ((p = heldBy.get(conn)) != null && p.held != null) p.held.append(data, offset, length);
    }

    /**
     * Whether the engine should stop reading this connection for now: its session has more unhandled input than
     * {@link #INPUT_BACKLOG} (a peer flooding faster than we handle messages must not grow our memory without bound).
     * The engine asks again after each turn and reads on once this is false.
     */
    public boolean inputBacklogged(ConnKey conn) {
        Peer p = byConn.get(conn);
        return p != null && p.session.bufferedInput() > INPUT_BACKLOG;
    }

    /** Unhandled input per connection above which engines pause reading it (a few hundred full-size UPDATEs). */
    public static final int INPUT_BACKLOG = 1 << 20;

    public void commands(ProcessKey process, List<String> lines) {
        Processes.Entry e = processes.get(process);
        if (e != null) e.lines.addAll(lines);
    }

    public void processExited(ProcessKey process, int code) {
        if (!processes.exited(io(), process, code, now, shuttingDown)) {
            LOG.error("Problem when sending message(s) to helper program, stopping");
            exitCode = 1;
            shutdown("helper program failed");
        }
    }

    public void signal(String name, int number) {
        signals.add(new SignalIn(name, number));
    }

    // ---- the turn ----

    /**
     * Whether a neighbour's api blocks ask for any event: only then are the encoders readied at start (a program that
     * only sends commands is answered with plain text, and the first rendering costs a few ms of the start).
     */
    private static boolean anyEvents(List<Neighbor> neighbors) {
        for (Neighbor n : neighbors)
            for (ApiBinding b : n.api())
                if (b.neighborChanges() || b.negotiated() || b.fsm() || b.signal() || !b.send().isEmpty()
                        || !b.receive().isEmpty()) return true;
        return false;
    }

    /** Runs one turn; returns the time of the next deadline (now when work is left). */
    public long turn(long nowNanos) {
        now = nowNanos;
        ribs.newTurn();
        Io io = io();
        while (!signals.isEmpty()) handleSignal(signals.poll());
        while (!connEvents.isEmpty()) handleConnection(connEvents.poll());
        if (!unstarted.isEmpty() && now >= peersStartAt) startDelayedPeers();
        connectWaiting();
        for (Peer p : new ArrayList<>(peers)) p.session.run(now);
        if (!heldBy.isEmpty()) for (Peer p : new ArrayList<>(heldBy.values())) resolveCollision(p);
        forgetGeneratedPeers();
        io.flush();
        boolean moreCommands = commands.run(processes);
        if (pendingShutdown != null && !shuttingDown) shutdown(pendingShutdown);
        processes.flush(io);
        if (shuttingDown && (farewell.isEmpty() || now >= shutdownDeadline) && !anyOutput()) done = true;
        if (shuttingDown && now >= shutdownDeadline) done = true;
        long next = shuttingDown ? Math.min(shutdownDeadline, now + SECOND / 20) : now + SECOND;
        if (moreCommands) return now;
        for (Peer p : peers) next = Math.min(next, p.session.nextDeadline());
        for (Closing c : closing.values()) if (c.peer.connectWaiting) next = Math.min(next, c.deadline);
        if (!unstarted.isEmpty()) next = Math.min(next, peersStartAt);
        return Math.max(next, now);
    }

    private boolean anyOutput() {
        for (Peer p : peers) if (p.session.hasOutput() && p.conn != null) return true;
        return false;
    }

    /**
     * The next deadline as it stands after the engine pulled: a session whose output just drained may have its next
     * batch (or its End-of-RIB) to freeze at once, so engines ask again before they sleep.
     */
    public long nextDeadline(long nowNanos) {
        long next = Long.MAX_VALUE;
        for (Peer p : peers) next = Math.min(next, p.session.nextDeadline());
        for (Closing c : closing.values()) if (c.peer.connectWaiting) next = Math.min(next, c.deadline);
        if (!unstarted.isEmpty()) next = Math.min(next, peersStartAt);
        return Math.max(next, nowNanos);
    }

    /** Copies bytes to send on the connection into buf; returns how many, 0 when there is nothing. */
    public int pull(ConnKey conn, byte[] buf, int offset, int length) {
        byte[] last = farewell.get(conn);
        if (last != null) {
            int at = farewellOffset.getOrDefault(conn, 0);
            int n = Math.min(length, last.length - at);
            System.arraycopy(last, at, buf, offset, n);
            if (at + n >= last.length) {
                farewell.remove(conn);
                farewellOffset.remove(conn);
            } else farewellOffset.put(conn, at + n);
            return n;
        }
        Peer p = byConn.get(conn);
        return p == null ? 0 : p.session.pull(buf, offset, length);
    }

    public boolean done() {
        return done;
    }

    public int exitCode() {
        return exitCode;
    }

    // ---- peers and connections ----

    private @Nullable Peer addPeer(Neighbor n) {
        return addPeer(n, false);
    }

    /**
     * @param covered the listeners already carry the neighbour's key and options: protected at start, or a peer made
     *     for a connection from a range (the range's prefix key covers it: no key per address piling up on them)
     */
    private @Nullable Peer addPeer(Neighbor n, boolean covered) {
        // a range only answers incoming connections, through a peer made for each (NeighborMatch); its key and TTL
        // options cover the whole range
        if (n.isRange()) {
            if (!covered) protectListeners(n);
            return null;
        }
        Peer p = new Peer(this, n, options.session(), new Subscriptions(n.api(), config.processes()));
        peers.add(p);
        p.rib.reserve(n.routes().size());
        RouteList.of(n.routes()).runs(new RouteList.RunVisitor() {
            @Override
            public void run(Route shape, long[] prefixes, int from, int to) {
                if (shape.withdrawn() && shape.watchdog() != null) return;
                Route resolved = resolveSelf(p, shape);
                if (resolved == null) return;
                if (!AdjRibOut.fastShape(resolved) || LogCategories.ribOutEnabled()) {
                    for (int i = from; i < to; i++) route(RouteList.withPrefix(shape, prefixes[i]));
                    return;
                }
                p.rib.announceV4(resolved, prefixes, from, to);
            }

            @Override
            public void route(Route r) {
                if (r.withdrawn() && r.watchdog() != null) return;
                Route resolved = resolveSelf(p, r);
                if (resolved == null) return;
                p.rib.announce(resolved);
                LogCategories.ribOut(p, resolved, true);
            }
        });
        if (!covered) protectListeners(n);
        if (now >= peersStartAt) p.session.start(now);
        else unstarted.add(p);
        return p;
    }

    /** {@code next-hop self}: our address on that session, or the router-id for an IPv4 route on IPv6 (wire.md §9.4). */
    @Nullable Route resolveSelf(Peer p, Route r) {
        if (!r.nextHopSelf()) return r;
        IpAddress local = p.session.localAddress();
        boolean v4 = r.nlri().family().afi().value() == 1;
        if (local != null && local.isV4() == v4) return r.withNextHop(local);
        if (v4) return r.withNextHop(p.neighbor.routerId());
        LOG.error("next-hop self: no local IPv6 address for {}", p.name());
        return null;
    }

    void connectPeer(Peer p) {
        if (stillClosing(p)) {
            p.connectWaiting = true;
            return;
        }
        ConnKey conn = new ConnKey(nextOutgoing++);
        p.conn = conn;
        byConn.put(conn, p);
        Neighbor n = p.neighbor;
        int port = n.connectPort() != 0 ? n.connectPort() : options.tcpPort();
        Endpoint local = n.localAddress() == null ? null : new Endpoint(n.localAddress(), 0);
        io().connect(conn, new Endpoint(n.peerAddress(), port), local, connectionOptions(n));
    }

    /** TCP-MD5 and TTL options of a neighbour, the MD5 key decoded (md5-base64) into ISO-8859-1 chars. */
    static Io.ConnectionOptions connectionOptions(Neighbor n) {
        byte[] key = org.jexabgp.core.session.Md5Key.of(n);
        return new Io.ConnectionOptions(
                key == null ? null : new String(key, java.nio.charset.StandardCharsets.ISO_8859_1),
                n.outgoingTtl() == null ? -1 : n.outgoingTtl(),
                n.incomingTtl() == null ? -1 : n.incomingTtl());
    }

    /** A neighbour's address or range, as the listeners' keys name it. */
    private record Guarded(IpAddress address, int prefixLength) {
        // Written out: a record's generated equals and hashCode are linked at run time through method handles,
        // milliseconds of every start for each record (issue 9).
        @Override
        public boolean equals(Object o) {
            return o instanceof Guarded g && prefixLength == g.prefixLength
                    && java.util.Objects.equals(address, g.address);
        }

        @Override
        public int hashCode() {
            return 31 * java.util.Objects.hashCode(address) + prefixLength;
        }

        Guarded(Neighbor n) {
            this(n.peerAddress(), n.peerPrefixLength());
        }
    }

    private static boolean asksProtection(Io.ConnectionOptions o) {
        return o.md5Password() != null || o.outgoingTtl() > 0 || o.incomingTtl() > 0;
    }

    /** RFC 2385: the listeners carry a protected neighbour's key before it can connect (also for passive peers). */
    private void protectListeners(Neighbor n) {
        Io.ConnectionOptions opts = connectionOptions(n);
        if (!asksProtection(opts)) return;
        if (opts.equals(guarded.put(new Guarded(n), opts))) return; // the listeners carry it already
        io().protect(n.peerAddress(), n.peerPrefixLength(), opts);
    }

    /**
     * Makes the listeners carry what the neighbours now ask for, no more: after a reload (a neighbour removed, its key
     * dropped or changed) and a deleted neighbour. A key left behind would make the kernel drop an unsigned SYN from
     * that address for good.
     */
    private void guardListeners() {
        Map<Guarded, Io.ConnectionOptions> wanted = new LinkedHashMap<>();
        for (Neighbor n : config.neighbors()) {
            Io.ConnectionOptions o = connectionOptions(n);
            if (asksProtection(o)) wanted.put(new Guarded(n), o);
        }
        for (Peer p : peers) {
            Io.ConnectionOptions o = connectionOptions(p.neighbor);
            if (p.dynamic && asksProtection(o)) wanted.put(new Guarded(p.neighbor), o);
        }
        // new keys first: a range taking over an address's key is in place before the address's own goes
        for (Map.Entry<Guarded, Io.ConnectionOptions> e : wanted.entrySet()) {
            if (e.getValue().equals(guarded.put(e.getKey(), e.getValue()))) continue;
            io().protect(e.getKey().address(), e.getKey().prefixLength(), e.getValue());
        }
        for (var it = guarded.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Guarded, Io.ConnectionOptions> e = it.next();
            Guarded g = e.getKey();
            if (wanted.containsKey(g)) continue;
            if (io().unprotect(g.address(), g.prefixLength())) it.remove();
            // not done, perhaps on some listeners only: tried again at the next change, and protected afresh if its
            // neighbour comes back (options no neighbour has, so they never equal the new ones)
            else e.setValue(Io.ConnectionOptions.NONE);
        }
    }

    /** The session closes its connection: what it still has to say (a NOTIFICATION) is written first. */
    void closePeerConnection(Peer p) {
        ConnKey conn = p.conn;
        if (conn == null) return;
        byte[] rest = drain(p);
        if (rest.length > 0) farewell.put(conn, rest);
        byConn.remove(conn);
        p.conn = null;
        closing.put(conn, new Closing(p, now + CLOSE_WAIT));
        io().close(conn);
    }

    /** tcp.delay is over: the sessions start (those a reload or a shutdown removed meanwhile stay as they are). */
    private void startDelayedPeers() {
        List<Peer> ready = new ArrayList<>(unstarted);
        unstarted.clear();
        for (Peer p : ready) if (peers.contains(p) && !p.session.isStopped()) p.session.start(now);
    }

    /** Whether a connection this peer's session closed is still going away (its next connection waits). */
    private boolean stillClosing(Peer p) {
        for (Closing c : closing.values()) if (c.peer == p) return true;
        return false;
    }

    /** Starts the connections that waited for an old one to be gone (or for {@link #CLOSE_WAIT}). */
    private void connectWaiting() {
        if (closing.isEmpty()) return;
        List<Peer> ready = new ArrayList<>();
        for (var it = closing.values().iterator(); it.hasNext(); ) {
            Closing c = it.next();
            if (now < c.deadline) continue;
            it.remove();
            ready.add(c.peer);
        }
        for (Peer p : ready) connectIfWaiting(p);
    }

    private void connectIfWaiting(Peer p) {
        if (!p.connectWaiting || stillClosing(p)) return;
        p.connectWaiting = false;
        // meanwhile the session may have stopped, been removed, or taken an incoming connection
        if (p.conn == null && peers.contains(p) && !p.session.isStopped()) connectPeer(p);
    }

    private static byte[] drain(Peer p) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = p.session.pull(buf, 0, buf.length)) > 0) all.write(buf, 0, n);
        return all.toByteArray();
    }

    void wantsToSend(Peer p) {
        ConnKey conn = p.conn;
        if (conn != null) io().wantsToSend(conn);
    }

    void peerFinished(Peer p) {
        LOG.info("peer {} will not connect again", p.neighbor.peerAddress());
        boolean all = true;
        for (Peer q : peers) all &= q.session.isStopped() || q == p;
        // at the end of the turn: a command that ended the last peer (teardown) must still get its answer
        if (all && options.session().attempts() > 0 && !shuttingDown) pendingShutdown = "no peer left";
    }

    /**
     * Tests of the type here and in {@link #accept}, not switches on it: such a switch is linked at run time by a
     * bootstrap that generates a class, milliseconds of every start (issue 9).
     */
    private void handleConnection(ConnEvent e) {
        if (e instanceof ConnEvent.Connected c) {
            Peer p = byConn.get(c.conn());
            if (p == null) {
                io().close(c.conn());
                return;
            }
            p.session.tcpUp(now, address(c.local()), address(c.remote()));
        } else if (e instanceof ConnEvent.Closed c) {
            Peer holder = heldBy.remove(c.conn());
            if (holder != null) holder.held = null;
            Peer p = byConn.get(c.conn());
            // what the peer sent before it closed (its NOTIFICATION) is handled first: the session ends for that
            // reason, not as "closing connection"; handling it may close the session's side itself
            if (p != null && c.conn().equals(p.conn) && p.session.bufferedInput() > 0) p.session.run(now);
            byConn.remove(c.conn());
            farewell.remove(c.conn());
            Closing gone = closing.remove(c.conn());
            if (gone != null) connectIfWaiting(gone.peer);
            if (p == null || p.conn == null || !p.conn.equals(c.conn())) return;
            p.conn = null;
            p.session.tcpDown(now, c.reason());
        } else if (e instanceof ConnEvent.Accepted a) {
            accept(a.conn(), a.local(), a.remote());
        } else {
            throw new IllegalArgumentException("no handling for " + e);
        }
    }

    /** runtime.md §8: match the connection to a neighbour (or a range) by remote and local address (NeighborMatch). */
    private void accept(ConnKey conn, Endpoint local, Endpoint remote) {
        IpAddress remoteIp = address(remote);
        IpAddress localIp = address(local);
        NeighborMatch.Result match = NeighborMatch.match(peers, config.neighbors(), localIp, remoteIp);
        if (match instanceof NeighborMatch.Result.Single s) {
            acceptFor(s.peer(), conn, localIp, remoteIp);
        } else if (match instanceof NeighborMatch.Result.Generated g) {
            Peer p = addPeer(g.neighbor(), true);
            if (p == null) return;
            p.generated = true;
            adopt(p, conn, localIp, remoteIp);
        } else if (match instanceof NeighborMatch.Result.Ambiguous) {
            refuse(conn, 6, 5, "could not accept the connection (more than one neighbor match)");
        } else if (match instanceof NeighborMatch.Result.None) {
            refuse(conn, 6, 3, "no session configured for the peer");
        } else {
            throw new IllegalArgumentException("no handling for " + match);
        }
    }

    /**
     * runtime.md §8 and RFC 4271 §6.8: established → the new connection is refused with 6/7; in OPENSENT or
     * OPENCONFIRM it is held until a BGP identifier says which connection survives ({@link #resolveCollision});
     * otherwise it replaces our connection attempt.
     */
    private void acceptFor(Peer p, ConnKey conn, IpAddress localIp, IpAddress remoteIp) {
        if (unstarted.contains(p)) {
            // tcp.delay: ExaBGP accepts nothing before its time either (it sleeps); RFC 4486 Connection Rejected
            refuse(conn, 6, 5, "connection rejected: waiting for tcp.delay");
            return;
        }
        // The session first reads what its connection received before this one came (a KEEPALIVE that makes it
        // established, say): the peer decided on that state, and so must we, or each side keeps a connection the
        // other closes (connection events are handled before the sessions' input in a turn).
        if (p.conn != null) p.session.run(now);
        State state = p.session.state();
        if (state == State.ESTABLISHED || p.held != null) {
            refuse(conn, Collision.CEASE, Collision.COLLISION_RESOLUTION, "connection collision");
            return;
        }
        if ((state == State.OPENSENT || state == State.OPENCONFIRM) && p.conn != null) {
            p.held = new HeldConnection(conn, localIp, remoteIp);
            heldBy.put(conn, p);
            resolveCollision(p);
            return;
        }
        if (p.conn != null) {
            ConnKey old = p.conn;
            byConn.remove(old);
            p.conn = null;
            io().close(old);
            p.session.tcpDown(now, "replaced by an incoming connection");
        }
        adopt(p, conn, localIp, remoteIp);
    }

    private void adopt(Peer p, ConnKey conn, IpAddress localIp, IpAddress remoteIp) {
        p.conn = conn;
        byConn.put(conn, p);
        p.session.tcpUp(now, localIp, remoteIp);
    }

    /**
     * RFC 4271 §6.8 for a held second connection, as soon as the peer's BGP identifier is known: from the OPEN on the
     * current connection (OPENCONFIRM) or from the OPEN the peer sent on the held one (OPENSENT). The connection opened
     * by the speaker with the higher identifier survives; the other is closed with Cease / Connection Collision
     * Resolution (6/7). When the first connection is gone meanwhile, the held one simply takes its place.
     */
    private void resolveCollision(Peer p) {
        HeldConnection held = p.held;
        if (held == null) return;
        State state = p.session.state();
        if (p.session.isStopped() || state == State.ESTABLISHED) {
            release(p);
            refuse(held.conn, Collision.CEASE, Collision.COLLISION_RESOLUTION, "connection collision");
            return;
        }
        ConnKey current = p.conn;
        if (current == null || !(state == State.OPENSENT || state == State.OPENCONFIRM)) {
            release(p);
            takeHeld(p, held);
            return;
        }
        IpAddress known = p.session.peerRouterId();
        long peerId = known != null ? Collision.unsigned(known) : Collision.openIdentifier(held.bytes, held.length);
        if (peerId < 0) {
            if (!Collision.notAnOpen(held.bytes, held.length)) return; // the OPEN is not there yet
            release(p);
            refuse(held.conn, Collision.CEASE, Collision.COLLISION_RESOLUTION, "connection collision");
            return;
        }
        Neighbor n = p.neighbor;
        long localAs = n.localAs() == null ? 0 : n.localAs();
        long peerAs = n.peerAs() == null ? 0 : n.peerAs();
        // both connections opened by the peer (ids < 0 are incoming): the first one stays, the new one is refused
        boolean oursIsOutgoing = current.id() > 0;
        release(p);
        if (oursIsOutgoing && Collision.peerConnectionWins(peerId, peerAs, n.routerId(), localAs)) {
            LOG.info("connection collision with {}: the peer's connection wins", n.peerAddress());
            p.session.collisionLost(now);
            takeHeld(p, held);
        } else {
            LOG.info("connection collision with {}: our connection wins", n.peerAddress());
            refuse(held.conn, Collision.CEASE, Collision.COLLISION_RESOLUTION, "connection collision");
        }
    }

    private void release(Peer p) {
        HeldConnection held = p.held;
        if (held != null) heldBy.remove(held.conn);
        p.held = null;
    }

    private void takeHeld(Peer p, HeldConnection held) {
        if (p.conn != null) closePeerConnection(p);
        adopt(p, held.conn, held.local, held.remote);
        if (held.length > 0) p.session.received(held.bytes, 0, held.length);
    }

    /** A peer made for one connection of a range is forgotten when that session ended (runtime.md §8). */
    private void forgetGeneratedPeers() {
        for (java.util.Iterator<Peer> it = peers.iterator(); it.hasNext(); ) {
            Peer p = it.next();
            if (!p.generated || p.conn != null || p.held != null || p.session.isConnected()) continue;
            LOG.info("forgetting {}: its session from a range neighbor ended", p.neighbor.peerAddress());
            p.session.stop(now, 6, 3, "Peer De-configured", false);
            it.remove();
            p.rib.release();
        }
    }

    private void refuse(ConnKey conn, int code, int subcode, String text) {
        LOG.info("refusing connection {}: {}", conn, text);
        farewell.put(conn, MessageCodec.encode(Notification.of(code, subcode, text),
                org.jexabgp.core.session.Negotiation.standard()).toArray());
        io().wantsToSend(conn);
        io().close(conn);
    }

    private static IpAddress address(Endpoint e) {
        IpAddress a = e.address();
        if (a == null) throw new IllegalArgumentException("connection without address");
        return a;
    }

    // ---- signals, reload, shutdown ----

    private void handleSignal(SignalIn s) {
        LOG.info("received signal {}", s.name());
        for (Peer p : peers) events.signal(p, s.name(), s.number());
        switch (s.name()) {
            case "SIGTERM", "SIGINT", "SIGHUP" -> shutdown("shutting down");
            case "SIGUSR1" -> reload(false);
            case "SIGUSR2" -> reload(true);
            case "SIGALRM" -> restart();
            default -> LOG.warn("ignoring signal {}", s.name());
        }
    }

    /** Stops every peer (Cease/Administrative Shutdown, or silently with graceful restart), tells the programs. */
    void shutdown(String reason) {
        if (shuttingDown) return;
        shuttingDown = true;
        shutdownDeadline = now + SHUTDOWN_GRACE_NANOS;
        for (Peer p : peers) {
            boolean gr = p.neighbor.capabilities().gracefulRestartSeconds() != null;
            p.session.stop(now, 6, 2, reason, !gr);
        }
        events.shutdown();
        processes.flush(io());
        for (Processes.Entry e : processes.all()) processes.stop(io(), e);
    }

    void reload(boolean restartProcesses) {
        // Peers a program created or a range generated are not in the file: the reload leaves them alone, unless the
        // new file configures their address itself (then the file's neighbour takes over; docs/neighbors.md).
        List<Peer> own = new ArrayList<>();
        for (Peer p : peers) if (p.dynamic || p.generated) own.add(p);
        peers.removeAll(own);
        Reload.run(configs, reloadTarget, restartProcesses);
        for (Peer p : own) {
            boolean configured = false;
            for (Peer q : peers) configured |= q.neighbor.peerAddress().equals(p.neighbor.peerAddress());
            if (configured) forget(p, "Peer De-configured"); // the listeners follow once all are back
            else {
                p.subscriptions = new Subscriptions(p.neighbor.api(), config.processes());
                peers.add(p);
            }
        }
        guardListeners();
    }

    /**
     * {@code create neighbor} (docs/neighbors.md): starts a neighbour a program described; false when a running
     * neighbour already has that peer address.
     */
    boolean createNeighbor(Neighbor n) {
        for (Peer p : peers) {
            if (p.neighbor.peerAddress().equals(n.peerAddress())) {
                LOG.warn("create neighbor: {} already exists", n.peerAddress());
                return false;
            }
        }
        if (n.isRange()) {
            LOG.warn("create neighbor: {}/{} is a range, only configuration files may have ranges", n.peerAddress(),
                    n.peerPrefixLength());
            return false;
        }
        Peer p = addPeer(n);
        if (p == null) return false;
        p.dynamic = true;
        LOG.info("create neighbor: {} added", n.peerAddress());
        return true;
    }

    /** {@code delete neighbor}: Cease 6/3, then forgotten, its key off the listeners. */
    void removePeer(Peer p, String reason) {
        forget(p, reason);
        guardListeners();
    }

    /** Cease 6/3, then the peer is forgotten. */
    private void forget(Peer p, String reason) {
        HeldConnection held = p.held;
        if (held != null) {
            release(p);
            refuse(held.conn, 6, 3, reason);
        }
        p.session.stop(now, 6, 3, reason, true);
        peers.remove(p);
        p.rib.release();
        LOG.info("neighbor {} removed", p.neighbor.peerAddress());
    }

    /** What a {@link Reload} may change: the peer list, the process table and the running configuration. */
    private final Reload.Target reloadTarget = new Reload.Target() {
        @Override
        public List<Peer> peers() {
            return peers;
        }

        @Override
        public void startPeer(Neighbor n) {
            addPeer(n);
        }

        @Override
        public void processes(Configuration next, boolean restart) {
            processes.reconfigure(io(), next.processes(), restart);
        }

        @Override
        public void configuration(Configuration next) {
            config = next;
        }

        @Override
        public @Nullable Route resolveSelf(Peer p, Route r) {
            return Reactor.this.resolveSelf(p, r);
        }

        @Override
        public long now() {
            return now;
        }
    };

    void restart() {
        reload(true);
        for (Peer p : peers) p.session.teardown(now, 4, "Administrative Reset");
    }

    // ---- for the command runner ----

    List<Peer> peers() {
        return peers;
    }

    Events events() {
        return events;
    }

    Configuration configuration() {
        return config;
    }

    /** The numbers the metrics endpoint exports (issue 7). Loop thread only: engines run it as a posted task. */
    public MetricsSnapshot metrics() {
        return MetricsSnapshot.of(peers, processes);
    }

    Processes processTable() {
        return processes;
    }

    ReactorOptions options() {
        return options;
    }

    long now() {
        return now;
    }

    Io io() {
        Io i = io;
        if (i == null) throw new IllegalStateException("reactor not started");
        return i;
    }
}
