package org.jexabgp.daemon.engine;

import java.io.IOException;
import java.nio.channels.NetworkChannel;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jexabgp.reactor.Io;
import org.jexabgp.wire.IpAddress;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The neighbours that asked for TCP-MD5 or TTL security, by address or by range (runtime.md §8): the listeners carry
 * their keys, and a connection accepted from an address gets the options of the most specific entry holding it, so a
 * single neighbour wins over a range that contains it. Written on the loop thread, read by accepting threads.
 */
final class ProtectedPeers {
    /** A neighbour's address and prefix length: 32 or 128 for one peer, shorter for a range. */
    record Network(IpAddress address, int length) {
        // Written out: a record's generated equals and hashCode are linked at run time through method handles,
        // milliseconds of every start for each record (issue 9).
        @Override
        public boolean equals(Object o) {
            return o instanceof Network n && length == n.length && java.util.Objects.equals(address, n.address);
        }

        @Override
        public int hashCode() {
            return 31 * java.util.Objects.hashCode(address) + length;
        }

        Network {
            if (length < 0 || length > address.bytes().length() * 8)
                throw new IllegalArgumentException("prefix length " + length + " for " + address);
        }

        boolean isSingle() {
            return length == address.bytes().length() * 8;
        }

        /** Whether the address is in this network (same family only: a dual-stack listener reports IPv4 peers as such). */
        boolean contains(IpAddress a) {
            return a.inNetwork(address, length);
        }

        @Override
        public String toString() {
            return isSingle() ? address.toString() : address + "/" + length;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger("exabgp.network");

    private final Map<Network, Io.ConnectionOptions> byNetwork = new ConcurrentHashMap<>();

    /**
     * Adds or replaces (a reload with a new key, or none) the options of a neighbour, its key on every listener: a key
     * it no longer has is taken off them (its TTL options may remain).
     */
    void protect(Network network, Io.ConnectionOptions options, Iterable<? extends NetworkChannel> listeners)
            throws IOException {
        SocketOptions.check(network, options);
        Io.ConnectionOptions old = byNetwork.put(network, options);
        boolean keyDropped = old != null && old.md5Password() != null && options.md5Password() == null;
        for (NetworkChannel server : listeners) {
            if (keyDropped) SocketOptions.listenUnkey(server, Sockets.isV6(server), network);
            else SocketOptions.listenKey(server, Sockets.isV6(server), network, options);
        }
    }

    /**
     * Takes a neighbour's key off every listener, then forgets its options. False (logged) when a listener refuses:
     * the options stay, connections from there must still sign, and the call can be made again ({@link Io#unprotect}).
     */
    boolean unprotect(Network network, Iterable<? extends NetworkChannel> listeners) {
        Io.ConnectionOptions old = byNetwork.get(network);
        if (old == null) return true;
        try {
            if (old.md5Password() != null)
                for (NetworkChannel server : listeners) SocketOptions.listenUnkey(server, Sockets.isV6(server), network);
        } catch (IOException e) {
            LOG.error("cannot take the TCP-MD5 key of {} off the listeners: {}", network, e.getMessage());
            return false;
        }
        byNetwork.remove(network);
        return true;
    }

    /** The options for a connection from this address: the longest matching prefix, null when none holds it. */
    Io.@Nullable ConnectionOptions forRemote(IpAddress remote) {
        Io.ConnectionOptions exact = byNetwork.get(new Network(remote, remote.bytes().length() * 8));
        if (exact != null) return exact;
        Network best = null;
        Io.ConnectionOptions found = null;
        for (Map.Entry<Network, Io.ConnectionOptions> e : byNetwork.entrySet()) {
            Network n = e.getKey();
            if (n.contains(remote) && (best == null || n.length() > best.length())) {
                best = n;
                found = e.getValue();
            }
        }
        return found;
    }

    /** Every entry, for a listener opened after the neighbours were protected. */
    Set<Map.Entry<Network, Io.ConnectionOptions>> entries() {
        return byNetwork.entrySet();
    }
}
