package org.jexabgp.daemon.engine;

import java.io.IOException;
import java.nio.channels.NetworkChannel;
import java.net.StandardSocketOptions;
import org.jexabgp.reactor.Endpoint;
import org.jexabgp.reactor.Io;

/**
 * Per-connection socket options. TCP-MD5 and GTSM need setsockopt through java.lang.foreign (ARCHITECTURE §8); until
 * that lands, a neighbour asking for them is refused here rather than run unprotected.
 */
final class SocketOptions {
    private SocketOptions() {}

    static void apply(NetworkChannel channel, Endpoint remote, Io.ConnectionOptions options) throws IOException {
        if (options.md5Password() != null) throw new IOException("TCP-MD5 is not supported yet: refusing to connect");
        if (options.incomingTtl() >= 0) throw new IOException("TTL security is not supported yet: refusing to connect");
        if (options.outgoingTtl() > 0) {
            // IP_TTL has no StandardSocketOptions entry; refuse rather than silently ignore it.
            throw new IOException("outgoing-ttl is not supported yet: refusing to connect");
        }
        channel.setOption(StandardSocketOptions.SO_KEEPALIVE, false);
    }
}
