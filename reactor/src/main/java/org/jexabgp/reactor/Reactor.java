package org.jexabgp.reactor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jexabgp.core.model.Configuration;
import org.jexabgp.core.model.Neighbor;
import org.jexabgp.core.model.Route;
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
    /** Bytes still to be written on connections the reactor has given up (NOTIFICATION then close). */
    private final Map<ConnKey, byte[]> farewell = new LinkedHashMap<>();
    private final Map<ConnKey, Integer> farewellOffset = new HashMap<>();
    private final ArrayDeque<ConnEvent> connEvents = new ArrayDeque<>();
    private final ArrayDeque<SignalIn> signals = new ArrayDeque<>();
    private final CommandRunner commands;
    private Configuration config;
    private Processes processes;
    private Events events;
    private @Nullable Io io;
    private long now;
    private long nextOutgoing = 1;
    private boolean shuttingDown;
    private long shutdownDeadline = Long.MAX_VALUE;
    private boolean done;
    private int exitCode;

    public Reactor(Configuration config, ReactorOptions options, ConfigSource configs, EventContext context) {
        this.config = config;
        this.options = options;
        this.configs = configs;
        this.context = context;
        this.processes = new Processes(config.processes(), options.ack(), options.respawn(), options.processEnvironment());
        this.events = new Events(processes, new JsonFormat(context), new TextFormat(context));
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

    // ---- engine inputs (queue only) ----

    /** The first turn's work: listen, start programs, start peers. */
    public void start(Io io, long nowNanos) {
        this.io = io;
        this.now = nowNanos;
        for (Endpoint e : options.bind()) io.listen(e);
        // A neighbour's own "listen <port>" listens on its local address (runtime.md §5.1 step 4).
        for (Neighbor n : config.neighbors())
            if (n.listenPort() != 0 && n.localAddress() != null) io.listen(new Endpoint(n.localAddress(), n.listenPort()));
        // Connections first: the TCP and OPEN exchange proceed while the programs are being forked.
        for (Neighbor n : config.neighbors()) addPeer(n);
        processes.startAll(io);
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
    }

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

    /** Runs one turn; returns the time of the next deadline (now when work is left). */
    public long turn(long nowNanos) {
        now = nowNanos;
        Io io = io();
        while (!signals.isEmpty()) handleSignal(signals.poll());
        while (!connEvents.isEmpty()) handleConnection(connEvents.poll());
        for (Peer p : new ArrayList<>(peers)) p.session.run(now);
        boolean moreCommands = commands.run(processes);
        processes.flush(io);
        if (shuttingDown && (farewell.isEmpty() || now >= shutdownDeadline) && !anyOutput()) done = true;
        if (shuttingDown && now >= shutdownDeadline) done = true;
        long next = shuttingDown ? Math.min(shutdownDeadline, now + SECOND / 20) : now + SECOND;
        if (moreCommands) return now;
        for (Peer p : peers) next = Math.min(next, p.session.nextDeadline());
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

    private void addPeer(Neighbor n) {
        Peer p = new Peer(this, n, options.session(), new Subscriptions(n.api(), config.processes()));
        peers.add(p);
        for (Route r : n.routes()) {
            if (r.withdrawn() && r.watchdog() != null) continue;
            Route resolved = resolveSelf(p, r);
            if (resolved != null) p.rib.announce(resolved);
        }
        protectListeners(p);
        p.session.start(now);
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

    /** RFC 2385: the listeners carry a protected neighbour's key before it can connect (also for passive peers). */
    private void protectListeners(Peer p) {
        Io.ConnectionOptions opts = connectionOptions(p.neighbor);
        if (opts.md5Password() == null && opts.outgoingTtl() <= 0 && opts.incomingTtl() <= 0) return;
        io().protect(p.neighbor.peerAddress(), opts);
    }

    /** The session closes its connection: what it still has to say (a NOTIFICATION) is written first. */
    void closePeerConnection(Peer p) {
        ConnKey conn = p.conn;
        if (conn == null) return;
        byte[] rest = drain(p);
        if (rest.length > 0) farewell.put(conn, rest);
        byConn.remove(conn);
        p.conn = null;
        io().close(conn);
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
        if (all && options.session().attempts() > 0 && !shuttingDown) shutdown("no peer left");
    }

    private void handleConnection(ConnEvent e) {
        switch (e) {
            case ConnEvent.Connected c -> {
                Peer p = byConn.get(c.conn());
                if (p == null) {
                    io().close(c.conn());
                    return;
                }
                p.session.tcpUp(now, address(c.local()), address(c.remote()));
            }
            case ConnEvent.Closed c -> {
                farewell.remove(c.conn());
                Peer p = byConn.remove(c.conn());
                if (p == null || p.conn == null || !p.conn.equals(c.conn())) return;
                p.conn = null;
                p.session.tcpDown(now, c.reason());
            }
            case ConnEvent.Accepted a -> accept(a.conn(), a.local(), a.remote());
        }
    }

    /** runtime.md §8: match the connection to a neighbour by remote (and local) address; refuse with 6/3 otherwise. */
    private void accept(ConnKey conn, Endpoint local, Endpoint remote) {
        IpAddress remoteIp = address(remote);
        IpAddress localIp = address(local);
        for (Peer p : peers) {
            Neighbor n = p.neighbor;
            if (!n.peerAddress().equals(remoteIp) || p.session.isStopped()) continue;
            if (n.localAddress() != null && !n.localAddress().equals(localIp)) continue;
            if (p.session.established()) {
                refuse(conn, 6, 7, "connection collision");
                return;
            }
            if (p.session.state() == org.jexabgp.core.fsm.State.OPENCONFIRM) {
                // RFC 4271 §6.8 / runtime.md §8: the connection opened by the speaker with the higher BGP identifier
                // survives. The incoming one was opened by the peer: keep it only if the peer's identifier is higher.
                IpAddress theirs = p.session.peerRouterId();
                if (theirs == null || unsigned(theirs) < unsigned(p.neighbor.routerId())) {
                    refuse(conn, 6, 7, "connection collision");
                    return;
                }
                p.session.collisionLost(now); // 6/7 on the existing connection, which closes
            }
            if (p.conn != null) {
                // The incoming connection replaces our own attempt (runtime.md §8, collision outside OPENCONFIRM).
                ConnKey old = p.conn;
                byConn.remove(old);
                p.conn = null;
                io().close(old);
                p.session.tcpDown(now, "replaced by an incoming connection");
            }
            p.conn = conn;
            byConn.put(conn, p);
            p.session.tcpUp(now, localIp, remoteIp);
            return;
        }
        refuse(conn, 6, 3, "no session configured for the peer");
    }

    /** A BGP identifier as the unsigned 32-bit number RFC 4271 §6.8 compares. */
    private static long unsigned(IpAddress id) {
        byte[] b = id.bytes().toArray();
        long v = 0;
        for (int i = b.length - 4; i < b.length; i++) v = v << 8 | (b[i] & 0xFF);
        return v;
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
        Reload.run(configs, reloadTarget, restartProcesses);
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
