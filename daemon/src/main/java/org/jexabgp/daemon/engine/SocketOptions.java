package org.jexabgp.daemon.engine;

import java.io.IOException;
import java.net.StandardSocketOptions;
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

    /** Options of an outgoing channel, before it binds and connects. */
    static void apply(NetworkChannel channel, boolean ipv6Socket, Endpoint remote, Io.ConnectionOptions options)
            throws IOException {
        channel.setOption(StandardSocketOptions.SO_KEEPALIVE, false);
        String md5 = options.md5Password();
        if (md5 != null) {
            IpAddress peer = remote.address();
            if (peer == null) throw new IOException("TCP-MD5 needs the peer's address");
            Sockopt.setMd5(channel, ipv6Socket, peer.bytes().toArray(), key(md5));
        }
        protectConnected(channel, ipv6Socket, options);
    }

    /** TTL options of a connection (outgoing before connect, or incoming once matched to its neighbour). */
    static void protectConnected(NetworkChannel channel, boolean ipv6Socket, Io.ConnectionOptions options)
            throws IOException {
        if (options.outgoingTtl() > 0) Sockopt.setTtl(channel, ipv6Socket, options.outgoingTtl());
        if (options.incomingTtl() > 0) {
            Sockopt.setMinTtl(channel, ipv6Socket, options.incomingTtl());
            // RFC 5082 §3: a GTSM speaker sends with TTL 255 unless told otherwise, so a peer checking us accepts it
            if (options.outgoingTtl() <= 0) Sockopt.setTtl(channel, ipv6Socket, 255);
        }
    }

    /** Adds (or with an empty key removes) the MD5 key for one peer on a listening socket, before accepting. */
    static void listenKey(NetworkChannel server, boolean ipv6Socket, IpAddress peer, String md5) throws IOException {
        Sockopt.setMd5(server, ipv6Socket, peer.bytes().toArray(), key(md5));
    }

    /** {@link Io.ConnectionOptions#md5Password()} carries the decoded key bytes one char each (ISO-8859-1). */
    private static byte[] key(String md5) {
        return md5.getBytes(StandardCharsets.ISO_8859_1);
    }
}
