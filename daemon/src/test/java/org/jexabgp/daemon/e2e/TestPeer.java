package org.jexabgp.daemon.e2e;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jexabgp.wire.Bytes;
import org.jspecify.annotations.Nullable;

/**
 * A minimal BGP speaker for end-to-end tests: listens on an ephemeral port, answers the daemon's OPEN with its own
 * (MP ipv4 unicast + 4-octet ASN, RFC 4760 §8 / RFC 6793 §3) and a KEEPALIVE, answers each KEEPALIVE with one, and
 * records every message it receives. All waits are bounded; nothing here sleeps.
 */
final class TestPeer implements AutoCloseable {
    private final ServerSocket server;
    private final long asn;
    private final Thread thread;
    /** Received messages, in order; guarded by {@code this}. */
    private final List<BgpMessage> received = new ArrayList<>();
    private int connections;
    private int closedConnections;
    private @Nullable Socket socket;
    private @Nullable OutputStream out;

    /**
     * @param address the loopback address to listen on (127.0.0.1, 127.0.0.2, …)
     * @param asn the ASN to answer with, 0 to reuse the daemon's own (iBGP)
     */
    static TestPeer listen(String address, long asn) throws IOException {
        return new TestPeer(new ServerSocket(0, 4, InetAddress.getByName(address)), asn);
    }

    /** As {@link #listen(String, long)}, its connections' receive buffer {@code bytes} (a small TCP window). */
    static TestPeer listen(String address, long asn, int receiveBuffer) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReceiveBufferSize(receiveBuffer); // before bind: accepted sockets inherit it
        server.bind(new java.net.InetSocketAddress(InetAddress.getByName(address), 0), 4);
        return new TestPeer(server, asn);
    }

    /** Set: reading stops after the first UPDATE until it is opened, so the daemon's socket fills (a slow peer). */
    private volatile java.util.concurrent.@Nullable CountDownLatch readGate;

    /** Stops reading after the next UPDATE until {@link #resumeReading}. */
    void holdReadingAfterAnUpdate() {
        readGate = new java.util.concurrent.CountDownLatch(1);
    }

    void resumeReading() {
        java.util.concurrent.CountDownLatch gate = readGate;
        if (gate != null) gate.countDown();
    }

    private TestPeer(ServerSocket server, long asn) {
        this.server = server;
        this.asn = asn;
        this.thread = Thread.ofPlatform().daemon().name("test-peer-" + server.getLocalPort()).start(this::serve);
    }

    int port() {
        return server.getLocalPort();
    }

    String address() {
        return server.getInetAddress().getHostAddress();
    }

    private void serve() {
        while (!server.isClosed()) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                return;
            }
            synchronized (this) {
                socket = s;
                connections++;
                notifyAll();
            }
            try (s) {
                s.setTcpNoDelay(true);
                synchronized (this) {
                    out = s.getOutputStream();
                }
                DataInputStream in = new DataInputStream(s.getInputStream());
                while (true) {
                    byte[] header = new byte[19];
                    in.readFully(header);
                    int length = (header[16] & 0xFF) << 8 | (header[17] & 0xFF);
                    if (length < 19) throw new IOException("bad length " + length);
                    byte[] body = new byte[length - 19];
                    in.readFully(body);
                    BgpMessage m = new BgpMessage(header[18] & 0xFF, Bytes.of(body));
                    synchronized (this) {
                        received.add(m);
                        notifyAll();
                    }
                    java.util.concurrent.CountDownLatch gate = readGate;
                    if (gate != null && m.type() == BgpMessage.UPDATE) {
                        try {
                            gate.await();
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    if (m.type() == BgpMessage.OPEN) {
                        send(reply(m));
                        send(BgpMessage.keepalive());
                    } else if (m.type() == BgpMessage.KEEPALIVE) {
                        send(BgpMessage.keepalive()); // keeps the daemon's hold timer happy, however short
                    }
                }
            } catch (EOFException e) {
                // the daemon closed the connection
            } catch (IOException e) {
                // reset, or we closed it ourselves
            } finally {
                synchronized (this) {
                    closedConnections++;
                    socket = null;
                    out = null;
                    notifyAll();
                }
            }
        }
    }

    /**
     * Our OPEN (RFC 4271 §4.2): version 4, the ASN (AS_TRANS 23456 in the 2-byte field when it does not fit, RFC 6793
     * §4.1), the daemon's hold time, the daemon's router-id with the last octet changed, then two capabilities each in
     * its own optional parameter: MP ipv4/unicast {@code 02 06 01 04 0001 00 01} and 4-octet ASN
     * {@code 02 06 41 04 <asn>}.
     */
    private BgpMessage reply(BgpMessage theirs) {
        Bytes b = theirs.body();
        long their = b.u8(1) << 8 | b.u8(2);
        int hold = b.u8(3) << 8 | b.u8(4);
        // the ASN4 capability carries the real ASN when my-AS is AS_TRANS
        int params = b.u8(9);
        for (int at = 10; at + 2 <= 10 + params; ) {
            int type = b.u8(at);
            int len = b.u8(at + 1);
            for (int c = at + 2; type == 2 && c + 2 <= at + 2 + len; c += 2 + b.u8(c + 1)) {
                if (b.u8(c) == 65 && b.u8(c + 1) == 4)
                    their = (long) b.u8(c + 2) << 24 | b.u8(c + 3) << 16 | b.u8(c + 4) << 8 | b.u8(c + 5);
            }
            at += 2 + len;
        }
        long mine = asn != 0 ? asn : their;
        int lastOctet = (b.u8(8) + 1) & 0xFF;
        String body = "04" + String.format("%04X", mine > 0xFFFF ? 23456 : mine) + String.format("%04X", hold)
                + String.format("%02X%02X%02X%02X", b.u8(5), b.u8(6), b.u8(7), lastOctet) + "10"
                + "0206010400010001" + "02064104" + String.format("%08X", mine);
        return BgpMessage.of(BgpMessage.OPEN, body);
    }

    /** Sends a message on the current connection (waits up to 10 s for the daemon to connect). */
    void send(BgpMessage m) throws IOException {
        byte[] bytes = m.toArray();
        synchronized (this) {
            await("a connection to send " + m, () -> out != null, Duration.ofSeconds(10));
            OutputStream o = out;
            if (o == null) throw new IOException("not connected");
            o.write(bytes);
            o.flush();
        }
    }

    /** Sends raw hex (a whole message, marker included), e.g. one that is deliberately malformed. */
    void sendHex(String hex) throws IOException {
        byte[] bytes = java.util.HexFormat.of().parseHex(hex.replaceAll("[\\s:]", ""));
        synchronized (this) {
            await("a connection to send " + hex, () -> out != null, Duration.ofSeconds(10));
            OutputStream o = out;
            if (o == null) throw new IOException("not connected");
            o.write(bytes);
            o.flush();
        }
    }

    synchronized List<BgpMessage> received() {
        return List.copyOf(received);
    }

    synchronized List<BgpMessage> updates() {
        return received.stream().filter(m -> m.type() == BgpMessage.UPDATE).toList();
    }

    synchronized int connections() {
        return connections;
    }

    /** Waits for the n-th (1-based) received message matching the predicate. */
    synchronized BgpMessage awaitMessage(String what, int nth, Predicate<BgpMessage> p, Duration timeout) {
        // each wake-up looks only at the messages that came since the last (a flood of UPDATEs: not quadratic)
        int[] scannedAndFound = {0, 0};
        BgpMessage[] hit = {null};
        await(nth + "× " + what, () -> {
            while (scannedAndFound[0] < received.size()) {
                BgpMessage m = received.get(scannedAndFound[0]++);
                if (p.test(m) && ++scannedAndFound[1] == nth) {
                    hit[0] = m;
                    return true;
                }
            }
            return false;
        }, timeout);
        return java.util.Objects.requireNonNull(hit[0]);
    }

    BgpMessage awaitMessage(String what, Predicate<BgpMessage> p, Duration timeout) {
        return awaitMessage(what, 1, p, timeout);
    }

    /** Waits for the session to be up: the daemon's KEEPALIVE after our OPEN, then its End-of-RIB (RFC 4724 §2). */
    void awaitEndOfRib(Duration timeout) {
        awaitMessage("End-of-RIB ipv4 unicast", BgpMessage::isIpv4Eor, timeout);
    }

    /** Waits until the daemon has closed a connection (n-th close). */
    synchronized void awaitClosed(int n, Duration timeout) {
        await("connection #" + n + " closed by the daemon", () -> closedConnections >= n, timeout);
    }

    /** Closes the current connection from our side (the daemon sees the peer go away). */
    void closeConnection() throws IOException {
        Socket s;
        synchronized (this) {
            s = socket;
        }
        if (s != null) s.close();
    }

    private void await(String what, java.util.function.BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0)
                    throw new AssertionError("peer " + address() + ":" + port() + ": no " + what + " within " + timeout
                            + "; received " + received);
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted waiting for " + what, e);
                }
            }
        }
    }

    @Override
    public void close() throws Exception {
        resumeReading(); // a reader held by a failed test would keep the thread from ending
        server.close();
        closeConnection();
        thread.join(Duration.ofSeconds(5));
    }
}
