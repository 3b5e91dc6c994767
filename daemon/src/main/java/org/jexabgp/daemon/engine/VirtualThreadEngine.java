package org.jexabgp.daemon.engine;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.jexabgp.reactor.ConnKey;
import org.jexabgp.reactor.Endpoint;
import org.jexabgp.reactor.Io;
import org.jexabgp.reactor.ProcessKey;
import org.jexabgp.reactor.Reactor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine selected by {@code reactor.asyncio}: a virtual thread per connection blocks on reads and hands bytes to
 * the loop; a writer virtual thread per connection writes what the loop pulled. The loop itself is a platform thread
 * and drives the very same reactor, so both engines behave alike.
 */
final class VirtualThreadEngine implements Engine {
    private static final Logger LOG = LoggerFactory.getLogger("exabgp.network");
    /** Chunks read but not yet taken by the loop, per connection: a full slot stops reading, so TCP paces the peer. */
    private static final int READ_SLOTS = 4;

    private final LoopSupport support = new LoopSupport();
    private final Map<ConnKey, Conn> conns = new ConcurrentHashMap<>();
    private final Set<ConnKey> toFlush = new LinkedHashSet<>();
    /** Connections whose reader waits until the reactor has handled their backlog (Reactor.inputBacklogged). */
    private final Set<ConnKey> paused = new LinkedHashSet<>();
    private final List<ServerSocketChannel> servers = new ArrayList<>();
    private final AtomicLong nextIncoming = new AtomicLong(-1);
    /** Written on the loop thread, read by accept threads (TTL options of accepted connections). */
    private final ProtectedPeers protectedPeers = new ProtectedPeers();
    private volatile int fatal = -1;

    private static final class Conn {
        volatile @Nullable SocketChannel channel;
        final Semaphore readSlots = new Semaphore(READ_SLOTS);
        final BlockingQueue<byte[]> writes = new ArrayBlockingQueue<>(16);
        volatile boolean closing;
        /** Our side is shut (FIN sent after the last bytes): the reader drops what comes until the peer closes. */
        volatile boolean lingering;
        /** The loop left bytes to send because {@link #writes} was full: the writer wakes it once there is room. */
        volatile boolean refill;
    }

    /** Wakes the loop, which then pulls again for the connections whose writer made room. */
    private static final Input WAKE = new Input.Task(reactor -> {});

    private static final byte[] CLOSE = new byte[0];
    private static final int SMALL_READ = 4 * 1024;
    private static final int LARGE_READ = 64 * 1024;

    /**
     * Readers of new connections, started only after the turn that saw their Connected/Accepted event: the reactor
     * takes a connection's bytes only once its session knows the connection, so a peer's OPEN read earlier was lost.
     */
    private final Map<ConnKey, Runnable> readers = new ConcurrentHashMap<>();
    /** Connections we closed, waiting for the peer's FIN (see {@link #linger}). */
    private final Set<ConnKey> lingering = ConcurrentHashMap.newKeySet();

    @Override
    public void serveMetrics(java.net.InetSocketAddress address) throws IOException {
        support.serveMetrics(address);
    }

    /** Where the loop pulls the reactor's bytes before handing them to a writer thread. */
    private final byte[] pullBuffer = new byte[64 * 1024];

    private @Nullable Reactor reactor;

    @Override
    public int run(Reactor reactor) {
        support.installSignals();
        this.reactor = reactor;
        Io io = new VirtualIo();
        reactor.start(io, System.nanoTime());
        List<ConnKey> newConnections = new ArrayList<>();
        try {
            while (true) {
                support.inbox.drain(i -> {
                    support.deliver(reactor, i);
                    if (i instanceof Input.Received r) {
                        // the reader reads on once the session has handled its backlog (Reactor.inputBacklogged)
                        Conn c = conns.get(r.conn());
                        if (c != null && reactor.inputBacklogged(r.conn())) paused.add(r.conn());
                        else if (c != null) c.readSlots.release();
                    }
                    if (i instanceof Input.Connected c) newConnections.add(c.conn());
                    if (i instanceof Input.Accepted a) newConnections.add(a.conn());
                });
                long start = System.nanoTime();
                long next = reactor.turn(start);
                support.stats.turned(start, System.nanoTime());
                for (java.util.Iterator<ConnKey> it = paused.iterator(); it.hasNext(); ) {
                    ConnKey id = it.next();
                    Conn c = conns.get(id);
                    if (c != null && reactor.inputBacklogged(id)) continue;
                    it.remove();
                    if (c != null) c.readSlots.release();
                }
                for (ConnKey id : newConnections) {
                    Runnable reader = readers.remove(id);
                    if (reader != null) Thread.ofVirtual().name("read-" + id.id()).start(reader);
                }
                newConnections.clear();
                flushAll(reactor, pullBuffer);
                if (reactor.done() || fatal >= 0) break;
                next = Math.min(next, reactor.nextDeadline(System.nanoTime()));
                support.inbox.await(next - System.nanoTime());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // Let the writers finish what was pulled (the Cease NOTIFICATIONs), briefly, then close everything.
            long until = System.nanoTime() + 500_000_000L;
            for (Conn c : conns.values()) {
                while (!c.writes.isEmpty() && System.nanoTime() < until) java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
            }
            // and their peers a moment to read them and close (see linger)
            while (!lingering.isEmpty() && System.nanoTime() < until) java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
            for (Conn c : conns.values()) closeQuietly(c);
            LoopSupport.closeListeners(servers);
            support.processes.stopAll(500);
        }
        return fatal >= 0 ? fatal : reactor.exitCode();
    }

    /** Pulls bytes on the loop thread (the reactor has one owner) and hands them to each writer thread. */
    private void flushAll(Reactor reactor, byte[] buffer) {
        if (toFlush.isEmpty()) return;
        ConnKey[] ids = toFlush.toArray(new ConnKey[0]);
        toFlush.clear();
        for (ConnKey id : ids) {
            Conn c = conns.get(id);
            if (c == null) continue;
            boolean full = false;
            while (true) {
                if (c.writes.remainingCapacity() <= 1) {
                    // the writer is behind: it wakes the loop when it has made room (write), unless it just did
                    c.refill = true;
                    if (c.writes.remainingCapacity() <= 1) {
                        full = true;
                        break;
                    }
                    c.refill = false;
                }
                int n = reactor.pull(id, buffer, 0, buffer.length);
                if (n <= 0) break;
                c.writes.add(java.util.Arrays.copyOf(buffer, n));
            }
            if (full) {
                toFlush.add(id);
                continue;
            }
            if (c.closing) c.writes.add(CLOSE);
        }
    }

    private void startConnection(ConnKey id, Conn c, SocketChannel ch) {
        c.channel = ch;
        readers.put(id, () -> read(id, c, ch));
        Thread.ofVirtual().name("write-" + id.id()).start(() -> write(id, c, ch));
    }

    private void read(ConnKey id, Conn c, SocketChannel ch) {
        // small until a read fills it: a peer that sends little (200 of them at a start) holds 4 KB, not 64 (issue 9)
        ByteBuffer buf = ByteBuffer.allocate(SMALL_READ);
        try {
            while (true) {
                if (!c.lingering) c.readSlots.acquire();
                buf.clear();
                int n = ch.read(buf);
                if (n < 0) break;
                if (c.lingering) continue; // a connection we closed: its last bytes are dropped
                support.inbox.add(new Input.Received(id, java.util.Arrays.copyOf(buf.array(), n), n));
                if (n == buf.capacity() && n < LARGE_READ) buf = ByteBuffer.allocate(LARGE_READ);
            }
            if (c.lingering) {
                closeLingering(id, c, "closed");
                return;
            }
            support.inbox.add(new Input.Closed(id, "closing connection"));
        } catch (IOException e) {
            if (c.lingering) closeLingering(id, c, Sockets.reason(e));
            else if (!c.closing) support.inbox.add(new Input.Closed(id, Sockets.reason(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Our last bytes (a NOTIFICATION) are written: send FIN and let the reader read on until the peer closes too, at
     * most {@link SelectorEngine#LINGER_NANOS}. Closing at once would answer the peer's next bytes with a RST, which
     * can make its system drop our NOTIFICATION unread; the reactor starts the peer's next connection only once this
     * one is gone (Reactor.CLOSE_WAIT).
     */
    private void linger(ConnKey id, Conn c, SocketChannel ch) {
        try {
            ch.shutdownOutput();
        } catch (IOException e) {
            closeLingering(id, c, Sockets.reason(e));
            return;
        }
        c.lingering = true;
        lingering.add(id);
        c.readSlots.release(); // a reader waiting for the loop reads on by itself now
        Thread.ofVirtual().name("linger-" + id.id()).start(() -> {
            try {
                Thread.sleep(java.time.Duration.ofNanos(SelectorEngine.LINGER_NANOS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            closeLingering(id, c, "closed (the peer did not close its side)");
        });
    }

    /** A connection we closed is gone: tell the reactor (once), so the peer's next connection may start. */
    private void closeLingering(ConnKey id, Conn c, String reason) {
        closeQuietly(c);
        conns.remove(id);
        if (lingering.remove(id)) support.inbox.add(new Input.Closed(id, reason));
    }

    private void write(ConnKey id, Conn c, SocketChannel ch) {
        boolean clean = false;
        try {
            while (true) {
                byte[] data = c.writes.take();
                if (data == CLOSE) {
                    clean = true;
                    break;
                }
                ByteBuffer b = ByteBuffer.wrap(data);
                while (b.hasRemaining()) ch.write(b);
                if (c.refill && c.writes.remainingCapacity() > c.writes.size()) {
                    c.refill = false;
                    support.inbox.add(WAKE);
                }
            }
        } catch (IOException e) {
            LOG.debug("write to {} failed: {}", id, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (c.closing) {
                if (clean) linger(id, c, ch);
                else {
                    lingering.add(id);
                    closeLingering(id, c, "closed");
                }
            }
        }
    }

    private static void closeQuietly(Conn c) {
        SocketChannel ch = c.channel;
        if (ch == null) return;
        try {
            ch.close();
        } catch (IOException e) {
            LOG.debug("close: {}", e.getMessage());
        }
    }

    private final class VirtualIo implements Io {
        @Override
        public void flush() {
            Reactor r = reactor;
            if (r != null) flushAll(r, pullBuffer);
        }

        @Override
        public void connect(ConnKey conn, Endpoint remote, @Nullable Endpoint local, ConnectionOptions options) {
            Conn c = new Conn();
            conns.put(conn, c);
            Thread.ofVirtual().name("connect-" + conn.id()).start(() -> {
                SocketChannel ch = null;
                try {
                    ch = SocketChannel.open(remote.address() != null && remote.address().isV4()
                            ? StandardProtocolFamily.INET
                            : StandardProtocolFamily.INET6);
                    ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    SocketOptions.apply(ch, remote.address() == null || !remote.address().isV4(), remote, options);
                    if (local != null) ch.bind(Sockets.toSocket(local));
                    ch.connect(Sockets.toSocket(remote));
                    Endpoint l = Sockets.toEndpoint(ch.getLocalAddress());
                    Endpoint r = Sockets.toEndpoint(ch.getRemoteAddress());
                    startConnection(conn, c, ch);
                    support.inbox.add(new Input.Connected(conn, l, r));
                } catch (IOException | RuntimeException e) {
                    conns.remove(conn);
                    if (e instanceof SocketOptions.Refused refused) {
                        LOG.error("{}", refused.getMessage());
                        fatal = 1;
                    }
                    if (ch != null) {
                        try {
                            ch.close();
                        } catch (IOException ignored) {
                            LOG.debug("close after failed connect");
                        }
                    }
                    String reason = e instanceof IOException io ? Sockets.reason(io) : String.valueOf(e.getMessage());
                    support.inbox.add(new Input.Closed(conn, "connection to " + remote + " failed: " + reason));
                }
            });
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
                                ? StandardProtocolFamily.INET
                                : StandardProtocolFamily.INET6);
                server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                boolean v6 = local.address() == null || !local.address().isV4();
                for (var e : protectedPeers.entries()) SocketOptions.listenKey(server, v6, e.getKey(), e.getValue());
                server.bind(Sockets.toSocket(local), 64);
                servers.add(server);
                LOG.info("listening for BGP session(s) on {}", local);
                Thread.ofVirtual().name("accept-" + local).start(() -> {
                    try {
                        while (true) {
                            SocketChannel ch = server.accept();
                            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                            Io.ConnectionOptions opts =
                                    protectedPeers.forRemote(Sockets.toEndpoint(ch.getRemoteAddress()).address());
                            if (opts != null) {
                                try {
                                    SocketOptions.protectConnected(ch, Sockets.isV6(ch), opts);
                                } catch (IOException e) {
                                    LOG.error("{}", e.getMessage());
                                    ch.close();
                                    continue;
                                }
                            }
                            ConnKey id = new ConnKey(nextIncoming.getAndDecrement());
                            Conn c = new Conn();
                            conns.put(id, c);
                            Endpoint l = Sockets.toEndpoint(ch.getLocalAddress());
                            Endpoint r = Sockets.toEndpoint(ch.getRemoteAddress());
                            startConnection(id, c, ch);
                            support.inbox.add(new Input.Accepted(id, l, r));
                        }
                    } catch (IOException e) {
                        LOG.debug("listener {} closed: {}", local, e.getMessage());
                    }
                });
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
