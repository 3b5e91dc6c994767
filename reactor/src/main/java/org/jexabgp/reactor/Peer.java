package org.jexabgp.reactor;

import java.util.List;
import org.jexabgp.core.fsm.State;
import org.jexabgp.core.model.Neighbor;
import org.jexabgp.core.rib.NeighborRibOut;
import org.jexabgp.core.session.PeerSession;
import org.jexabgp.core.session.SessionListener;
import org.jexabgp.core.session.SessionSettings;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.message.Message;
import org.jexabgp.wire.message.RouteUpdate;
import org.jspecify.annotations.Nullable;

/**
 * One configured neighbour inside the reactor: its session, its Adj-RIB-Out (which outlives sessions), the connection
 * it currently uses, its program subscriptions and its event counter.
 */
final class Peer implements SessionListener {
    /** Replaced by a reload that changes only the configured routes (the session's settings stay the same). */
    Neighbor neighbor;
    final NeighborRibOut rib;
    final PeerSession session;
    /** Rebuilt by a reload: the program↔neighbour map follows the new api blocks (issue 5). */
    Subscriptions subscriptions;
    private final Reactor reactor;
    @Nullable ConnKey conn;
    /** The session asked to connect while its previous connection was still closing (Reactor.CLOSE_WAIT). */
    boolean connectWaiting;
    /** json.md §3: per neighbour object, counts every event generated for it. */
    long counter;
    /**
     * Received updates, for {@code show adj-rib in} (runtime.md §9): made at the first UPDATE received, as a start of
     * many neighbours made as many empty tables, in the interpreter (issue 9).
     */
    private @Nullable AdjRibIn ribIn;
    /** Messages of the current session, for {@code show neighbor} (runtime.md §9). */
    final MessageStatistics statistics = new MessageStatistics();
    /** When the session reached ESTABLISHED (reactor clock), or -1 while it is down. */
    long upSince = -1;
    /** ASM advisories sent by programs, per family: re-sent after each reconnect (api.md §4.8). */
    final java.util.Map<org.jexabgp.wire.Family, org.jexabgp.wire.message.Operational> staticAdvisories =
            new java.util.LinkedHashMap<>();
    /** A second connection from the peer, held while a collision is resolved (RFC 4271 §6.8). */
    @Nullable HeldConnection held;
    /** Made from a range neighbour for one incoming connection: forgotten once its session ends (runtime.md §8). */
    boolean generated;
    /** Added by a program ({@code create neighbor}): not in the file, a reload leaves it alone (docs/neighbors.md). */
    boolean dynamic;
    /** The OPENs of the current session (sent, received), for {@code show neighbor extensive|json}. */
    org.jexabgp.wire.message.@Nullable Open sentOpen, receivedOpen;

    Peer(Reactor reactor, Neighbor neighbor, SessionSettings settings, Subscriptions subscriptions) {
        this.reactor = reactor;
        this.neighbor = neighbor;
        this.rib = reactor.ribs.start(neighbor.adjRibOut());
        this.subscriptions = subscriptions;
        // the first batch waits for the peer's own first UPDATEs only so that programs hear them first: with no program
        // hearing the peer there is nothing to order, and the wait would only delay the routes (issue 9)
        this.session = new PeerSession(
                neighbor, subscriptions.hearsPeer() ? settings : settings.withFirstUpdateDelay(0), rib, this);
    }

    String name() {
        return neighbor.name();
    }

    @Override
    public void connect() {
        reactor.connectPeer(this);
    }

    @Override
    public void close() {
        reactor.closePeerConnection(this);
    }

    @Override
    public void wantsToSend() {
        reactor.wantsToSend(this);
    }

    @Override
    public void fsm(State state) {
        reactor.events().fsm(this, state);
    }

    @Override
    public void connected() {
        statistics.reset();
        sentOpen = null;
        receivedOpen = null;
        reactor.events().state(this, "connected", null);
    }

    /** The routes received and kept (adj-rib-in): none before the first UPDATE. */
    List<RibEntry> ribInRoutes() {
        AdjRibIn in = ribIn;
        return in == null ? List.of() : in.routes();
    }

    int ribInSize() {
        AdjRibIn in = ribIn;
        return in == null ? 0 : in.size();
    }

    void clearRibIn() {
        AdjRibIn in = ribIn;
        if (in != null) in.clear();
    }

    @Override
    public void up(Negotiated negotiated) {
        clearRibIn();
        upSince = reactor.now();
        reactor.events().negotiated(this, negotiated);
        reactor.events().state(this, "up", null);
        LogCategories.sessionUp(this, negotiated);
        // config.md §10.5: the configured operational messages at every session start, when allowed
        if (neighbor.capabilities().operational())
            for (org.jexabgp.wire.message.OperationalContent c : neighbor.operational())
                if (neighbor.families().contains(c.family()))
                    session.sendOperational(org.jexabgp.wire.message.Operational.of(c));
        for (org.jexabgp.wire.message.Operational op : staticAdvisories.values()) session.sendOperational(op);
    }

    @Override
    public void down(String reason) {
        upSince = -1;
        LogCategories.sessionDown(this);
        reactor.events().state(this, "down", reason);
    }

    @Override
    public void message(Message message, boolean received, byte[] raw, Negotiated negotiated) {
        LogCategories.message(this, message, received, raw);
        if (received && neighbor.adjRibIn()) {
            AdjRibIn in = ribIn;
            if (in == null && message instanceof RouteUpdate) ribIn = in = new AdjRibIn();
            if (in != null) in.record(message);
            LogCategories.ribIn(this, message);
        }
        // sent UPDATEs were counted when the session asked whether to copy them (one question per UPDATE)
        if (received || message.type().value() != 2) statistics.count(message.type().value(), received);
        if (message instanceof org.jexabgp.wire.message.Open o) {
            if (received) receivedOpen = o;
            else sentOpen = o;
        }
        reactor.events().message(this, message, received, raw, negotiated);
    }

    @Override
    public boolean wantsCopies(int messageType, boolean received) {
        if (messageType == 2 && !received) {
            statistics.count(2, false);
            if (LogCategories.wantsSentUpdates()) return true; // decoded again for the packets/routes log
        }
        return reactor.events().wantsCopies(this, messageType, received);
    }

    @Override
    public void uncopied(byte[] message, String reason) {
        org.slf4j.LoggerFactory.getLogger("exabgp.reactor").warn("peer {}: no copy of an UPDATE we sent ({}): {}",
                neighbor.peerAddress(), reason, java.util.HexFormat.of().withUpperCase().formatHex(message));
    }

    @Override
    public void finished() {
        reactor.peerFinished(this);
    }
}
