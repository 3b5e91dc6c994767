package org.jexabgp.daemon.e2e;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import org.jexabgp.wire.Bytes;
import org.jspecify.annotations.Nullable;

/**
 * One BGP connection the test drives by hand, message by message (where {@link TestPeer}'s automatic answers would be
 * in the way: collisions, refused connections). Reads are bounded by {@link Await#TIMEOUT}.
 */
final class RawBgp implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;

    private RawBgp(Socket socket) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        socket.setSoTimeout((int) Await.TIMEOUT.toMillis());
        this.in = new DataInputStream(socket.getInputStream());
    }

    /** Connects from {@code from} (a loopback address) to the daemon listening on 127.0.0.1:port. */
    static RawBgp connect(String from, int port) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) Await.TIMEOUT.toMillis());
        return new RawBgp(s);
    }

    /** A connection the test opened itself (with socket options set before connecting), now read in blocking mode. */
    static RawBgp of(java.nio.channels.SocketChannel channel) throws IOException {
        channel.configureBlocking(true);
        return new RawBgp(channel.socket());
    }

    /** Waits for the daemon to connect to the server. */
    static RawBgp accept(ServerSocket server) throws IOException {
        server.setSoTimeout((int) Await.TIMEOUT.toMillis());
        return new RawBgp(server.accept());
    }

    /** A port nothing listens on right now (the daemon will bind it). */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * An OPEN (RFC 4271 §4.2): version 4, the ASN, hold time, BGP identifier (8 hex digits), MP ipv4/unicast and
     * 4-octet ASN capabilities each in its own parameter.
     */
    static BgpMessage open(long asn, int hold, String identifierHex) {
        return BgpMessage.of(BgpMessage.OPEN, "04" + "%04X".formatted(asn) + "%04X".formatted(hold) + identifierHex
                + "10" + "0206010400010001" + "02064104" + "%08X".formatted(asn));
    }

    void send(BgpMessage m) throws IOException {
        socket.getOutputStream().write(m.toArray());
        socket.getOutputStream().flush();
    }

    /** The next message, or null when the daemon closed the connection. */
    @Nullable BgpMessage read() throws IOException {
        byte[] header = new byte[19];
        try {
            in.readFully(header);
        } catch (java.io.EOFException | java.net.SocketException e) {
            return null;
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no message from the daemon within " + Await.TIMEOUT);
        }
        int length = (header[16] & 0xFF) << 8 | (header[17] & 0xFF);
        byte[] body = new byte[length - 19];
        in.readFully(body);
        return new BgpMessage(header[18] & 0xFF, Bytes.of(body));
    }

    /** The next message, which must be there. */
    BgpMessage next() throws IOException {
        BgpMessage m = read();
        if (m == null) throw new AssertionError("the daemon closed the connection");
        return m;
    }

    /** Reads until the daemon closes; returns true when it did (and nothing but KEEPALIVEs came meanwhile). */
    boolean closedByDaemon() throws IOException {
        for (BgpMessage m = read(); m != null; m = read())
            if (m.type() != BgpMessage.KEEPALIVE) throw new AssertionError("unexpected " + m);
        return true;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
