package org.jexabgp.reactor;

import java.util.ArrayList;
import java.util.List;
import org.jexabgp.core.model.Neighbor;
import org.jexabgp.wire.IpAddress;
import org.jspecify.annotations.Nullable;

/**
 * Which neighbour an incoming connection belongs to (runtime.md §8, as ExaBGP's listener): a neighbour whose peer
 * address is the remote address (and whose local-address, unless auto, is the local one) takes it; only when none does
 * are the range neighbours ({@code neighbor 10.0.0.0/24}) tried: exactly one must contain the remote address (several
 * → Cease 6/5), and a copy of it for that one address is made; nothing at all → Cease 6/3.
 */
final class NeighborMatch {
    sealed interface Result {
        /** A running peer for that address: it takes the connection (or resolves a collision). */
        record Single(Peer peer) implements Result {}

        /** One range contains the address: a generated neighbour for it. */
        record Generated(Neighbor neighbor) implements Result {}

        /** More than one range neighbour matches: RFC 4486 Cease / Connection Rejected (6/5). */
        record Ambiguous() implements Result {}

        /** RFC 4486 Cease / Peer De-configured (6/3): "no session configured for the peer". */
        record None() implements Result {}
    }

    private NeighborMatch() {}

    static Result match(List<Peer> peers, List<Neighbor> configured, IpAddress local, IpAddress remote) {
        for (Peer p : peers) {
            Neighbor n = p.neighbor;
            if (p.session.isStopped() || !n.peerAddress().equals(remote)) continue;
            if (n.localAddress() != null && !n.localAddress().equals(local)) continue;
            return new Result.Single(p);
        }
        List<Neighbor> ranges = new ArrayList<>();
        for (Neighbor n : configured) {
            if (!n.isRange() || !remote.inNetwork(n.peerAddress(), n.peerPrefixLength())) continue;
            if (n.localAddress() != null && !n.localAddress().equals(local)) continue;
            ranges.add(n);
        }
        if (ranges.size() > 1) return new Result.Ambiguous();
        if (ranges.isEmpty()) return new Result.None();
        return new Result.Generated(generate(ranges.getFirst(), remote, local));
    }

    /**
     * The range neighbour for one peer: its settings, the remote address as peer address, the connection's local
     * address as local-address (ExaBGP's listener does the same), passive (it only ever answers this connection).
     */
    static Neighbor generate(Neighbor range, IpAddress remote, @Nullable IpAddress local) {
        Neighbor n = range;
        return new Neighbor(remote, remote.isV4() ? 32 : 128, local != null ? local : n.localAddress(), n.routerId(),
                n.localAs(), n.peerAs(), n.holdTimeSeconds(), true, n.listenPort(), n.connectPort(), n.description(),
                n.sourceInterface(), n.outgoingTtl(), n.incomingTtl(), n.md5Password(), n.md5Base64(), n.md5Ip(),
                n.rateLimit(), n.groupUpdates(), n.autoFlush(), n.adjRibIn(), n.adjRibOut(), n.manualEor(),
                n.hostName(), n.domainName(), n.capabilities(), n.families(), n.addPathFamilies(), n.nextHops(),
                n.api(), n.routes(), n.operational());
    }
}
