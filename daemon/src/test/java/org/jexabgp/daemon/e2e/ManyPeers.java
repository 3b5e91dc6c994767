package org.jexabgp.daemon.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small multi-connection BGP speaker for the scale test (issue 6): one selector thread accepts any number of
 * connections on one port of every loopback address, answers each OPEN with an OPEN (MP ipv4 unicast, 4-octet AS)
 * and a KEEPALIVE, sends a KEEPALIVE on every connection each {@code keepaliveSeconds}, and keeps per connection the
 * local address the daemon connected to, whether it is established (its End-of-RIB came), and when the daemon
 * last spoke. OPEN and KEEPALIVE only: anything else (an UPDATE, a NOTIFICATION) is counted as unexpected.
 */
final class ManyPeers implements AutoCloseable {
    /** What one connection from the daemon looks like. */
    static final class Session {
        final String address;
        boolean established;
        long lastHeardNanos;
        long keepalivesFromDaemon;
        boolean closed;

        Session(String address) {
            this.address = address;
        }
    }

    private final Selector selector;
    private final ServerSocketChannel server;
    private final long asn;
    private final int hold;
    private final Thread thread;
    private final Map<SocketChannel, Session> sessions = new HashMap<>();
    private final Map<SocketChannel, ByteBuffer> buffers = new HashMap<>();
    private volatile boolean running = true;
    private int unexpected;

    ManyPeers(long asn, int hold) throws IOException {
        this.asn = asn;
        this.hold = hold;
        this.selector = Selector.open();
        // the wildcard address: every 127.x.y.z reaches it, so each neighbour can have its own peer address
        this.server = ServerSocketChannel.open().bind(new InetSocketAddress(0), 4096);
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
        this.thread = Thread.ofPlatform().daemon().name("many-peers").start(this::loop);
    }

    int port() throws IOException {
        return ((InetSocketAddress) server.getLocalAddress()).getPort();
    }

    synchronized List<Session> sessions() {
        List<Session> out = new ArrayList<>();
        for (Session s : sessions.values()) {
            Session copy = new Session(s.address);
            copy.established = s.established;
            copy.lastHeardNanos = s.lastHeardNanos;
            copy.keepalivesFromDaemon = s.keepalivesFromDaemon;
            copy.closed = s.closed;
            out.add(copy);
        }
        return out;
    }

    synchronized int established() {
        int n = 0;
        for (Session s : sessions.values()) if (s.established && !s.closed) n++;
        return n;
    }

    synchronized int unexpected() {
        return unexpected;
    }

    private void loop() {
        long nextKeepalive = System.nanoTime() + hold / 3 * 1_000_000_000L;
        ByteBuffer keepalive = ByteBuffer.wrap(BgpMessage.keepalive().toArray());
        try {
            while (running) {
                selector.select(200);
                for (SelectionKey key : selector.selectedKeys()) {
                    if (!key.isValid()) continue;
                    if (key.isAcceptable()) accept();
                    else if (key.isReadable()) read((SocketChannel) key.channel(), key);
                }
                selector.selectedKeys().clear();
                if (System.nanoTime() >= nextKeepalive) {
                    nextKeepalive += hold / 3 * 1_000_000_000L;
                    List<SocketChannel> up;
                    synchronized (this) {
                        up = sessions.entrySet().stream().filter(e -> e.getValue().established && !e.getValue().closed)
                                .map(Map.Entry::getKey).toList();
                    }
                    for (SocketChannel c : up) write(c, keepalive.duplicate());
                }
            }
        } catch (IOException e) {
            if (running) throw new IllegalStateException(e);
        }
    }

    private void accept() throws IOException {
        SocketChannel c;
        while ((c = server.accept()) != null) {
            c.configureBlocking(false);
            c.register(selector, SelectionKey.OP_READ);
            String local = ((InetSocketAddress) c.getLocalAddress()).getAddress().getHostAddress();
            synchronized (this) {
                sessions.put(c, new Session(local));
            }
            buffers.put(c, ByteBuffer.allocate(4096));
        }
    }

    private void read(SocketChannel c, SelectionKey key) throws IOException {
        ByteBuffer b = buffers.get(c);
        int n;
        try {
            n = c.read(b);
        } catch (IOException e) {
            n = -1;
        }
        if (n < 0) {
            synchronized (this) {
                sessions.get(c).closed = true;
            }
            key.cancel();
            c.close();
            return;
        }
        b.flip();
        while (b.remaining() >= 19) {
            int length = (b.get(b.position() + 16) & 0xFF) << 8 | (b.get(b.position() + 17) & 0xFF);
            if (b.remaining() < length) break;
            int type = b.get(b.position() + 18) & 0xFF;
            byte[] body = new byte[length - 19];
            b.position(b.position() + 19);
            b.get(body);
            handle(c, type);
        }
        b.compact();
    }

    private void handle(SocketChannel c, int type) throws IOException {
        Session s;
        synchronized (this) {
            s = sessions.get(c);
            s.lastHeardNanos = System.nanoTime();
            switch (type) {
                case BgpMessage.KEEPALIVE -> s.keepalivesFromDaemon++;
                case BgpMessage.OPEN -> {}
                // the End-of-RIB, the only UPDATE of a neighbour without routes, is only sent once established
                case BgpMessage.UPDATE -> s.established = true;
                default -> unexpected++;
            }
        }
        if (type == BgpMessage.OPEN) {
            String[] octets = s.address.split("\\.");
            String id = "%02X%02X%02X%02X".formatted(10, Integer.parseInt(octets[1]), Integer.parseInt(octets[2]),
                    Integer.parseInt(octets[3]));
            write(c, ByteBuffer.wrap(RawBgp.open(asn, hold, id).toArray()));
            write(c, ByteBuffer.wrap(BgpMessage.keepalive().toArray()));
        }
    }

    /** Loopback writes of a few bytes complete at once; a peer that cannot take 19 bytes is broken anyway. */
    private static void write(SocketChannel c, ByteBuffer b) {
        try {
            while (b.hasRemaining()) if (c.write(b) == 0) return;
        } catch (IOException e) {
            // closed meanwhile: the read side records it
        }
    }

    @Override
    public void close() throws Exception {
        running = false;
        selector.wakeup();
        thread.join(5000);
        synchronized (this) {
            for (SocketChannel c : sessions.keySet()) c.close();
        }
        server.close();
        selector.close();
    }
}
