package org.jexabgp.daemon.engine;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jexabgp.reactor.ConnKey;
import org.jexabgp.reactor.Endpoint;
import org.jexabgp.reactor.Io;
import org.jexabgp.reactor.ProcessKey;
import org.jexabgp.reactor.Reactor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default engine: one platform thread, one {@link Selector}. Per loop: inputs to the reactor, one turn, writes,
 * then wait for readiness or the next deadline.
 */
final class SelectorEngine implements Engine {
    private static final Logger LOG = LoggerFactory.getLogger("exabgp.network");
    /** How long a connection we closed waits for the peer's FIN (see {@link #linger}). */
    static final long LINGER_NANOS = 500_000_000L;
    /** At exit, how long the last NOTIFICATIONs may wait for their peers to close. */
    private static final long SHUTDOWN_LINGER_NANOS = 500_000_000L;

    private final LoopSupport support = new LoopSupport();
    private final Map<ConnKey, Conn> conns = new HashMap<>();
    private final Set<ConnKey> toFlush = new LinkedHashSet<>();
    /** Connections not read until the reactor has handled their backlog (Reactor.inputBacklogged). */
    private final Set<ConnKey> paused = new LinkedHashSet<>();
    /**
     * Sockets are read into, and written from, direct buffers: with a heap buffer the JDK goes through a temporary
     * direct one at each call (a cache of them, a copy, a dozen calls more while the JVM interprets: issue 9). The
     * reactor takes and gives byte arrays, copied from and to these.
     */
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private final byte[] readBytes = new byte[64 * 1024];
    /** Where the reactor's bytes for a connection are pulled to, then copied to writeBuffer to be written. */
    private final byte[] pullBytes = new byte[64 * 1024];
    private final ByteBuffer writeBuffer = ByteBuffer.allocateDirect(64 * 1024);
    /** Connections we closed, waiting for the peer's FIN (see {@link #linger}). */
    private final Set<ConnKey> lingering = new LinkedHashSet<>();
    private long nextIncoming = -1;
    /** Listening sockets, for the MD5 keys of neighbours (RFC 2385: set before the peer's SYN arrives). */
    private final java.util.List<ServerSocketChannel> servers = new java.util.ArrayList<>();
    private final ProtectedPeers protectedPeers = new ProtectedPeers();
    private int fatal = -1;
    private @Nullable Selector selector;
    private @Nullable Reactor reactor;

    private static final class Conn {
        final SocketChannel channel;
        /**
         * What the socket did not take of the last bytes pulled for it, made at the first such write: the bytes are
         * pulled into the engine's one buffer (200 neighbours held 64 KB each, copied by the young collections of a
         * start, issue 9).
         */
        @Nullable ByteBuffer unsent;
        @Nullable SelectionKey key;
        boolean closing;
        /** Our side is shut (FIN sent after the last bytes); read until the peer closes too, or this time. */
        long lingerUntil;

        Conn(SocketChannel channel) {
            this.channel = channel;
        }
    }

    @Override
    public void serveMetrics(java.net.InetSocketAddress address) throws IOException {
        support.serveMetrics(address);
    }

    @Override
    public int run(Reactor reactor) {
        this.reactor = reactor;
        try (Selector sel = Selector.open()) {
            this.selector = sel;
            // the exit's steps run while the selector is still open: lingering on the connections we closed waits on
            // it (after try-with-resources had closed it, the linger at exit ended at once and the peer got a reset)
            try {
                support.inbox.waker(sel::wakeup);
                support.installSignals();
                reactor.start(new SelectorIo(), System.nanoTime());
                // what start() began and is ready already (connections made, a program's first lines) goes to the
                // first turn, as the virtual-thread engine's inbox hands it over: the OPENs of the connections leave
                // with that turn's writes, not a turn later (issue 9: 200 OPENs waited while a first turn applied a
                // program's routes)
                sel.selectNow();
                for (SelectionKey key : sel.selectedKeys()) handle(key);
                sel.selectedKeys().clear();
                while (true) {
                    support.inbox.drain(i -> support.deliver(reactor, i));
                    long now = System.nanoTime();
                    // connections whose linger ended are reported before the turn, which may then reconnect their peer
                    if (!lingering.isEmpty()) expireLingering(now);
                    long next = reactor.turn(now);
                    support.stats.turned(now, System.nanoTime());
                    if (!paused.isEmpty()) resume(reactor);
                    flushAll();
                    if (reactor.done() || fatal >= 0) break;
                    next = Math.min(next, reactor.nextDeadline(System.nanoTime()));
                    if (!lingering.isEmpty()) next = Math.min(next, earliestLinger());
                    long waitNanos = next - System.nanoTime();
                    if (!support.inbox.isEmpty() || waitNanos <= 0) sel.selectNow();
                    else sel.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(waitNanos + 999_999)));
                    for (SelectionKey key : sel.selectedKeys()) handle(key);
                    sel.selectedKeys().clear();
                }
            } finally {
                finishLingering(System.nanoTime() + SHUTDOWN_LINGER_NANOS);
                for (Conn c : conns.values()) closeQuietly(c);
                LoopSupport.closeListeners(servers); // closing the selector does not close its channels
            }
        } catch (IOException | ClosedSelectorException e) {
            LOG.error("selector failed: {}", e.getMessage());
            fatal = 1;
        } finally {
            support.processes.stopAll(500);
        }
        return fatal >= 0 ? fatal : reactor.exitCode();
    }

    /** At exit, gives the peers of connections we closed a moment to read our last bytes (see {@link #linger}). */
    private void finishLingering(long until) {
        Selector sel = selector;
        if (sel == null || !sel.isOpen()) return;
        try {
            while (!lingering.isEmpty() && System.nanoTime() < until) {
                sel.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())));
                for (SelectionKey key : sel.selectedKeys()) {
                    if (key.isValid() && key.attachment() instanceof ConnKey id && lingering.contains(id)) {
                        Conn c = conns.get(id);
                        if (c != null) readLingering(id, c);
                    }
                }
                sel.selectedKeys().clear();
            }
        } catch (IOException | ClosedSelectorException e) {
            LOG.debug("linger at exit: {}", e.getMessage());
        }
    }

    /**
     * Our last bytes (a NOTIFICATION) are written: send FIN and read on until the peer closes too. Closing at once
     * would answer the peer's next bytes with a RST, which can make its system drop our NOTIFICATION unread; and the
     * reactor starts the peer's next connection only once this one is gone (Reactor.CLOSE_WAIT).
     */
    private void linger(ConnKey id, Conn c) {
        try {
            c.channel.shutdownOutput();
        } catch (IOException e) {
            finishClose(id, c, Sockets.reason(e));
            return;
        }
        c.lingerUntil = System.nanoTime() + LINGER_NANOS;
        lingering.add(id);
        paused.remove(id);
        if (c.key != null && c.key.isValid()) c.key.interestOps(SelectionKey.OP_READ);
    }

    /** Reads and drops what the peer still sends on a connection we closed; closes it at the peer's FIN. */
    private void readLingering(ConnKey id, Conn c) {
        try {
            int n;
            do {
                readBuffer.clear();
                n = c.channel.read(readBuffer);
            } while (n > 0);
            if (n < 0) finishClose(id, c, "closed");
        } catch (IOException e) {
            finishClose(id, c, Sockets.reason(e));
        }
    }

    /** Closes lingering connections past their time. */
    private void expireLingering(long now) {
        for (ConnKey id : lingering.toArray(new ConnKey[0])) {
            Conn c = conns.get(id);
            if (c == null) lingering.remove(id);
            else if (now >= c.lingerUntil) finishClose(id, c, "closed (the peer did not close its side)");
        }
    }

    private long earliestLinger() {
        long next = Long.MAX_VALUE;
        for (ConnKey id : lingering) {
            Conn c = conns.get(id);
            if (c != null) next = Math.min(next, c.lingerUntil);
        }
        return next;
    }

    /** A connection the reactor closed is gone: tell it, so the peer's next connection may start. */
    private void finishClose(ConnKey id, Conn c, String reason) {
        closeQuietly(c);
        conns.remove(id);
        lingering.remove(id);
        toFlush.remove(id);
        reactor().closed(id, reason);
    }

    private void handle(SelectionKey key) {
        if (!key.isValid()) return;
        Reactor r = reactor();
        if (key.attachment() instanceof ServerSocketChannel server) {
            accept(server);
            return;
        }
        ConnKey id = (ConnKey) key.attachment();
        Conn c = conns.get(id);
        if (c == null) return;
        if (c.lingerUntil != 0) {
            if (key.isReadable()) readLingering(id, c);
            return;
        }
        try {
            if (key.isConnectable()) {
                c.channel.finishConnect();
                key.interestOps(SelectionKey.OP_READ);
                r.connected(id, Sockets.toEndpoint(c.channel.getLocalAddress()),
                        Sockets.toEndpoint(c.channel.getRemoteAddress()));
                return;
            }
            if (key.isWritable()) {
                key.interestOps(paused.contains(id) ? 0 : SelectionKey.OP_READ);
                toFlush.add(id);
            }
            if (key.isReadable()) {
                readBuffer.clear();
                int n = c.channel.read(readBuffer);
                if (n < 0) drop(id, c, "closing connection");
                else if (n > 0) {
                    readBuffer.flip().get(readBytes, 0, n);
                    r.received(id, readBytes, 0, n);
                    if (r.inputBacklogged(id) && paused.add(id))
                        key.interestOps(key.interestOps() & ~SelectionKey.OP_READ);
                }
            }
        } catch (IOException e) {
            drop(id, c, Sockets.reason(e));
        }
    }

    private void accept(ServerSocketChannel server) {
        try {
            SocketChannel ch;
            while ((ch = server.accept()) != null) {
                ch.configureBlocking(false);
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                Endpoint remote = Sockets.toEndpoint(ch.getRemoteAddress());
                Io.ConnectionOptions opts = protectedPeers.forRemote(remote.address());
                if (opts != null) {
                    try {
                        SocketOptions.protectConnected(ch, Sockets.isV6(ch), opts);
                    } catch (IOException e) {
                        LOG.error("{}", e.getMessage());
                        ch.close();
                        continue;
                    }
                }
                ConnKey id = new ConnKey(nextIncoming--);
                Conn c = new Conn(ch);
                conns.put(id, c);
                c.key = ch.register(selector(), SelectionKey.OP_READ, id);
                reactor().accepted(id, Sockets.toEndpoint(ch.getLocalAddress()), Sockets.toEndpoint(ch.getRemoteAddress()));
            }
        } catch (IOException e) {
            LOG.warn("accept failed: {}", e.getMessage());
        }
    }

    private void drop(ConnKey id, Conn c, String reason) {
        closeQuietly(c);
        conns.remove(id);
        toFlush.remove(id);
        reactor().closed(id, reason);
    }

    /** Reads again the paused connections whose backlog the turn has handled. */
    private void resume(Reactor r) {
        for (java.util.Iterator<ConnKey> it = paused.iterator(); it.hasNext(); ) {
            ConnKey id = it.next();
            Conn c = conns.get(id);
            if (c == null || c.key == null || !c.key.isValid()) {
                it.remove();
                continue;
            }
            if (r.inputBacklogged(id)) continue;
            it.remove();
            c.key.interestOps(c.key.interestOps() | SelectionKey.OP_READ);
        }
    }

    private void flushAll() {
        if (toFlush.isEmpty()) return;
        ConnKey[] ids = toFlush.toArray(new ConnKey[0]);
        toFlush.clear();
        for (ConnKey id : ids) {
            Conn c = conns.get(id);
            if (c != null) flush(id, c);
        }
    }

    /** Writes until the socket is full (then waits for OP_WRITE) or the reactor has nothing more. */
    private void flush(ConnKey id, Conn c) {
        try {
            while (true) {
                ByteBuffer unsent = c.unsent;
                if (unsent != null && unsent.hasRemaining()) {
                    c.channel.write(unsent);
                    if (unsent.hasRemaining()) {
                        awaitWritable(id, c);
                        return;
                    }
                }
                int n = reactor().pull(id, pullBytes, 0, pullBytes.length);
                if (n <= 0) {
                    if (c.closing && c.lingerUntil == 0) linger(id, c);
                    return;
                }
                ByteBuffer out = writeBuffer.clear().put(pullBytes, 0, n).flip();
                c.channel.write(out);
                if (out.hasRemaining()) {
                    if (unsent == null) c.unsent = unsent = ByteBuffer.allocate(pullBytes.length);
                    unsent.clear();
                    unsent.put(out).flip();
                    awaitWritable(id, c);
                    return;
                }
            }
        } catch (IOException e) {
            drop(id, c, Sockets.reason(e));
        }
    }

    /** The socket is full: the rest waits for OP_WRITE. */
    private void awaitWritable(ConnKey id, Conn c) {
        if (c.key != null) c.key.interestOps((paused.contains(id) ? 0 : SelectionKey.OP_READ) | SelectionKey.OP_WRITE);
    }

    private static void closeQuietly(Conn c) {
        try {
            c.channel.close();
        } catch (IOException e) {
            LOG.debug("close: {}", e.getMessage());
        }
    }

    private Selector selector() {
        if (selector == null) throw new IllegalStateException("not running");
        return selector;
    }

    private Reactor reactor() {
        if (reactor == null) throw new IllegalStateException("not running");
        return reactor;
    }

    private final class SelectorIo implements Io {
        @Override
        public void flush() {
            flushAll();
        }

        @Override
        public void connect(ConnKey conn, Endpoint remote, @Nullable Endpoint local, ConnectionOptions options) {
            SocketChannel ch = null;
            try {
                ch = SocketChannel.open(remote.address() != null && remote.address().isV4()
                        ? java.net.StandardProtocolFamily.INET
                        : java.net.StandardProtocolFamily.INET6);
                ch.configureBlocking(false);
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                SocketOptions.apply(ch, remote.address() == null || !remote.address().isV4(), remote, options);
                if (local != null) ch.bind(Sockets.toSocket(local));
                Conn c = new Conn(ch);
                conns.put(conn, c);
                boolean done = ch.connect(Sockets.toSocket(remote));
                c.key = ch.register(selector(), done ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, conn);
                if (done) {
                    support.inbox.add(new Input.Connected(
                            conn, Sockets.toEndpoint(ch.getLocalAddress()), Sockets.toEndpoint(ch.getRemoteAddress())));
                }
            } catch (IOException | RuntimeException e) {
                if (ch != null) {
                    try {
                        ch.close();
                    } catch (IOException ignored) {
                        LOG.debug("close after failed connect");
                    }
                }
                conns.remove(conn);
                if (e instanceof SocketOptions.Refused refused) {
                    LOG.error("{}", refused.getMessage());
                    fatal = 1;
                }
                String reason = e instanceof IOException io ? Sockets.reason(io) : String.valueOf(e.getMessage());
                support.inbox.add(new Input.Closed(conn, "connection to " + remote + " failed: " + reason));
            }
        }

        @Override
        public void wantsToSend(ConnKey conn) {
            toFlush.add(conn);
        }

        @Override
        public void close(ConnKey conn) {
            Conn c = conns.get(conn);
            if (c == null) return;
            c.closing = true;
            toFlush.add(conn);
        }

        @Override
        public void listen(Endpoint local) {
            try {
                ServerSocketChannel server = ServerSocketChannel.open(
                        local.address() != null && local.address().isV4()
                                ? java.net.StandardProtocolFamily.INET
                                : java.net.StandardProtocolFamily.INET6);
                server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                server.configureBlocking(false);
                boolean v6 = local.address() == null || !local.address().isV4();
                for (var e : protectedPeers.entries()) SocketOptions.listenKey(server, v6, e.getKey(), e.getValue());
                server.bind(Sockets.toSocket(local), 64);
                server.register(selector(), SelectionKey.OP_ACCEPT, server);
                servers.add(server);
                LOG.info("listening for BGP session(s) on {}", local);
            } catch (IOException e) {
                LOG.error("can not bind to {} ({}){}", local, Sockets.reason(e),
                        local.port() <= 1024 ? ", you may need to run ExaBGP as root" : "");
                fatal = 1;
            }
        }

        @Override
        public void protect(org.jexabgp.wire.IpAddress peer, int prefixLength, ConnectionOptions options) {
            try {
                protectedPeers.protect(new ProtectedPeers.Network(peer, prefixLength), options, servers);
            } catch (IOException e) {
                LOG.error("{}", e.getMessage());
                fatal = 1;
            }
        }

        @Override
        public boolean unprotect(org.jexabgp.wire.IpAddress peer, int prefixLength) {
            return protectedPeers.unprotect(new ProtectedPeers.Network(peer, prefixLength), servers);
        }

        @Override
        public void startProcess(ProcessKey process, List<String> command, Map<String, String> env) {
            support.startProcess(process, command, env);
        }

        @Override
        public void toProcess(ProcessKey process, byte[] line, int count) {
            support.processes.send(process, line, count);
        }

        @Override
        public void stopProcess(ProcessKey process) {
            support.processes.stop(process);
        }

        @Override
        public void commandsTaken(ProcessKey process, long chars) {
            support.processes.taken(process, chars);
        }
    }
}
