package org.jexabgp.daemon.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import org.jexabgp.reactor.Endpoint;
import org.jexabgp.wire.IpAddress;

/** Conversions between the reactor's addresses and java.net's. */
final class Sockets {
    private Sockets() {}

    static InetSocketAddress toSocket(Endpoint e) {
        if (e.address() == null) return new InetSocketAddress(e.port());
        try {
            return new InetSocketAddress(InetAddress.getByAddress(e.address().bytes().toArray()), e.port());
        } catch (UnknownHostException ex) {
            throw new IllegalArgumentException(ex); // cannot happen: the length is always 4 or 16
        }
    }

    static Endpoint toEndpoint(SocketAddress a) {
        InetSocketAddress s = (InetSocketAddress) a;
        byte[] raw = s.getAddress().getAddress();
        // A v4-mapped address from a dual-stack socket is the IPv4 peer it stands for.
        if (raw.length == 16 && isV4Mapped(raw)) raw = java.util.Arrays.copyOfRange(raw, 12, 16);
        return new Endpoint(IpAddress.of(raw), s.getPort());
    }

    private static boolean isV4Mapped(byte[] raw) {
        for (int i = 0; i < 10; i++) if (raw[i] != 0) return false;
        return raw[10] == (byte) 0xFF && raw[11] == (byte) 0xFF;
    }

    /** Whether the channel is an IPv6 (dual-stack) socket, which takes IPv6 socket options and sockaddr_in6. */
    static boolean isV6(java.nio.channels.NetworkChannel channel) throws IOException {
        SocketAddress a = channel.getLocalAddress();
        return a instanceof InetSocketAddress s && s.getAddress() instanceof java.net.Inet6Address;
    }

    static String reason(IOException e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
