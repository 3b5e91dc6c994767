package org.jexabgp.daemon.engine;

import java.io.IOException;
import java.nio.channels.NetworkChannel;
import java.nio.charset.StandardCharsets;
import org.jexabgp.daemon.net.Sockopt;
import org.jexabgp.reactor.Endpoint;
import org.jexabgp.reactor.Io;
import org.jexabgp.wire.IpAddress;

/**
 * Per-connection socket options: TCP-MD5 (RFC 2385), outgoing TTL and GTSM (RFC 5082) through {@link Sockopt}
 * (ARCHITECTURE §8). When they cannot be set the connection is refused with the reason: never run unprotected.
 */
final class SocketOptions {
    private SocketOptions() {}

    /** The options were asked for and cannot be had: the neighbour must not run (unprotected). */
    static final class Refused extends IOException {
        Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static boolean wanted(Io.ConnectionOptions options) {
        return options.md5Password() != null || options.outgoingTtl() > 0 || options.incomingTtl() > 0;
    }

    /** Startup check for a neighbour asking for MD5 or TTL security: refused with the reason when unavailable. */
    static void check(ProtectedPeers.Network peer, Io.ConnectionOptions options) throws Refused {
        String why = Sockopt.unavailable();
        if (why != null && wanted(options))
            throw new Refused("neighbor " + peer + " asks for " + what(options) + ", which cannot be set here ("
                    + why + "); refusing to start it rather than run unprotected", new IOException(why));
    }

    static String what(Io.ConnectionOptions options) {
        java.util.List<String> w = new java.util.ArrayList<>();
        if (options.md5Password() != null) w.add("TCP-MD5 (md5-password)");
        if (options.outgoingTtl() > 0) w.add("outgoing-ttl");
        if (options.incomingTtl() > 0) w.add("TTL security (incoming-ttl)");
        return String.join(" and ", w);
    }

    /** Options of an outgoing channel, before it binds and connects. */
    static void apply(NetworkChannel channel, boolean ipv6Socket, Endpoint remote, Io.ConnectionOptions options)
            throws IOException {
        String md5 = options.md5Password();
        if (md5 != null) {
            IpAddress peer = remote.address();
            if (peer == null) throw new IOException("TCP-MD5 needs the peer's address");
            refusing(() -> Sockopt.setMd5(channel, ipv6Socket, peer.bytes().toArray(), key(md5)), options);
        }
        protectConnected(channel, ipv6Socket, options);
    }

    /** TTL options of a connection (outgoing before connect, or incoming once matched to its neighbour). */
    static void protectConnected(NetworkChannel channel, boolean ipv6Socket, Io.ConnectionOptions options)
            throws IOException {
        refusing(() -> {
            if (options.outgoingTtl() > 0) Sockopt.setTtl(channel, ipv6Socket, options.outgoingTtl());
            if (options.incomingTtl() > 0) Sockopt.setMinTtl(channel, ipv6Socket, options.incomingTtl());
        }, options);
    }

    /**
     * Adds the neighbour's MD5 key (for one peer or a whole range) to a listening socket, before accepting; nothing for
     * a neighbour without a key or of another family than an IPv4-only listener.
     */
    static void listenKey(NetworkChannel server, boolean ipv6Socket, ProtectedPeers.Network peer,
            Io.ConnectionOptions options) throws Refused {
        String md5 = options.md5Password();
        if (md5 == null || !(ipv6Socket || peer.address().isV4())) return;
        try {
            Sockopt.setMd5(server, ipv6Socket, peer.address().bytes().toArray(), peer.length(), key(md5));
        } catch (IOException e) {
            throw new Refused("neighbor " + peer + " asks for TCP-MD5 (md5-password), which cannot be set on the "
                    + "listener: " + Sockets.reason(e) + "; refusing to start it rather than run unprotected", e);
        }
    }

    /** Takes a neighbour's key off a listener (a reload removed the neighbour or its md5-password). */
    static void listenUnkey(NetworkChannel server, boolean ipv6Socket, ProtectedPeers.Network peer)
            throws IOException {
        if (!(ipv6Socket || peer.address().isV4())) return;
        Sockopt.removeMd5(server, ipv6Socket, peer.address().bytes().toArray(), peer.length());
    }

    private interface Setting {
        void set() throws IOException;
    }

    private static void refusing(Setting setting, Io.ConnectionOptions options) throws Refused {
        try {
            setting.set();
        } catch (Refused r) {
            throw r;
        } catch (IOException e) {
            throw new Refused("cannot set " + what(options) + ": " + Sockets.reason(e)
                    + "; refusing the connection rather than run unprotected", e);
        }
    }

    /** {@link Io.ConnectionOptions#md5Password()} carries the decoded key bytes one char each (ISO-8859-1). */
    private static byte[] key(String md5) {
        return md5.getBytes(StandardCharsets.ISO_8859_1);
    }
}
