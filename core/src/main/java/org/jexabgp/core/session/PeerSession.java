package org.jexabgp.core.session;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.jexabgp.core.fsm.Action;
import org.jexabgp.core.fsm.Event;
import org.jexabgp.core.fsm.Fsm;
import org.jexabgp.core.fsm.State;
import org.jexabgp.core.fsm.Step;
import org.jexabgp.core.model.Neighbor;
import org.jexabgp.core.rib.NeighborRibOut;
import org.jexabgp.core.rib.PackingOptions;
import org.jexabgp.core.rib.UpdateSink;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.message.Keepalive;
import org.jexabgp.wire.message.Message;
import org.jexabgp.wire.message.MessageCodec;
import org.jexabgp.wire.message.Notification;
import org.jexabgp.wire.message.Open;
import org.jexabgp.wire.message.RouteRefresh;
import org.jexabgp.wire.Verdict;
import org.jexabgp.wire.message.Header;
import org.jexabgp.wire.message.MessageType;
import org.jexabgp.wire.message.RouteUpdate;
import org.jexabgp.wire.message.UnknownMessage;
import org.jexabgp.wire.message.UpdateCodec;
import org.jspecify.annotations.Nullable;

/**
 * One neighbour's BGP session, sans I/O: frames received bytes, decodes, drives the {@link Fsm}, keeps timers as
 * deadlines, and queues what it decides to send. The owner feeds bytes, connection events and time, and pulls bytes.
 */
public final class PeerSession {
    private static final long SECOND = 1_000_000_000L;
    private static final long NEVER = Long.MAX_VALUE;
    /** Messages handled per run, so one busy peer cannot hold the loop (the rest waits for the next turn). */
    private static final int MESSAGES_PER_RUN = 256;
    /**
     * UPDATE bytes packed per run once established (issue 9): a large Adj-RIB-Out is packed a part per turn, so that a
     * million routes neither hold the loop (other peers, timers, programs) for the whole packing, 0.1 s cold, nor queue
     * all their messages at once; the first ones are on their way meanwhile.
     */
    static final long DRAIN_BYTES = 256 * 1024;
    private static final int HEADER = 19;

    private final Neighbor neighbor;
    private final SessionSettings settings;
    private final NeighborRibOut rib;
    private final SessionListener listener;
    private final Fsm.Settings fsmSettings;
    private final Backoff backoff = new Backoff();

    private State state = State.IDLE;
    private boolean connected;
    private boolean stopped;
    private int attemptsUsed;

    // inbound framing: grown to what arrives (a peer sending its table: the engines' 64 KB reads); small at first, as
    // most neighbours only ever send an OPEN and KEEPALIVEs here (issue 9: 200 neighbours held 1.6 MB of 8 KB buffers)
    private byte[] in = new byte[1024];
    private int inStart;
    private int inEnd;

    // outbound queue of whole messages; a NOTIFICATION drops it
    private final ArrayDeque<byte[]> out = new ArrayDeque<>();
    private int outOffset;

    private long holdDeadline = NEVER;
    private long keepaliveDeadline = NEVER;
    private long retryDeadline = NEVER;
    private long lastNow;

    private @Nullable Open sentOpen;
    /** The peer's OPEN on this connection (its BGP identifier decides connection collisions, RFC 4271 §6.8). */
    private @Nullable Open receivedOpen;
    /** {@code local-as auto} without a {@code peer-as}: our OPEN waits for the peer's, whose ASN it copies. */
    private boolean openDeferred;
    /**
     * Graceful restart's R bit (RFC 4724 §3): set on the first session after start-up and after a forced
     * re-establish, cleared once a session came up (wire.md §3.1 row 5).
     */
    private boolean restarting = true;
    private @Nullable Notification pendingNotification;
    /** The session ends by our decision (teardown, stop), not because the peer broke it. */
    private boolean ownDecision;
    private @Nullable Negotiated negotiated;
    private @Nullable IpAddress localAddress;
    private @Nullable IpAddress remoteAddress;
    private boolean firstBatch;
    /** No UPDATE before this time: established + {@link SessionSettings#firstUpdateDelayNanos()}. */
    private long firstUpdateAt;
    private boolean eorSent;
    /** Established since the last session down. */
    private boolean up;
    /** Set while {@link #collisionLost} closes this connection. */
    private boolean collisionLoss;
    private final List<Family> eorRequested = new ArrayList<>();

    public PeerSession(Neighbor neighbor, SessionSettings settings, NeighborRibOut rib, SessionListener listener) {
        this.neighbor = neighbor;
        this.settings = settings;
        this.rib = rib;
        this.listener = listener;
        this.fsmSettings = new Fsm.Settings(neighbor.passive() || settings.passive());
    }

    public State state() {
        return state;
    }

    public Neighbor neighbor() {
        return neighbor;
    }

    public @Nullable Negotiated negotiated() {
        return negotiated;
    }

    public @Nullable IpAddress localAddress() {
        return localAddress != null ? localAddress : neighbor.localAddress();
    }

    public boolean isConnected() {
        return connected;
    }

    public boolean isStopped() {
        return stopped;
    }

    public boolean established() {
        return state == State.ESTABLISHED;
    }

    /** The peer's BGP identifier from its OPEN on the current connection, or null before it arrived. */
    public @Nullable IpAddress peerRouterId() {
        Open o = receivedOpen;
        return o == null ? null : o.routerId();
    }

    /**
     * A second connection from the peer arrived while this one is in OPENCONFIRM and its BGP identifier is the higher
     * one (RFC 4271 §6.8): this connection is closed with Cease / Connection Collision Resolution (6/7) so the
     * caller can hand the session the new one.
     */
    public void collisionLost(long now) {
        if (!connected) return;
        collisionLoss = true;
        try {
            fire(Event.Error.class, new Event.Error(6, 7, "connection collision"), now);
        } finally {
            collisionLoss = false;
        }
    }

    // ---- inputs ----

    public void start(long now) {
        lastNow = now;
        fire(Event.Start.class, new Event.Start(), now);
    }

    /** Stops the peer for good (shutdown, removed by reload): NOTIFICATION when a session is up, then close. */
    public void stop(long now, int code, int subcode, String reason, boolean notify) {
        stopped = true;
        retryDeadline = NEVER;
        ownDecision = true;
        fire(Event.Stop.class, new Event.Stop(code, subcode, reason, notify && connected), now);
        ownDecision = false;
    }

    /** Tears down the current session (API teardown) without stopping the peer: it reconnects later. */
    public void teardown(long now, int code, String reason) {
        if (!connected) return;
        restarting = true; // a forced re-establish: the peer is told we restarted (wire.md §3.1 row 5)
        if (gracefulRestartSent()) {
            // wire.md §2 step 7 / runtime.md §8: with graceful restart in our OPEN the TCP session just closes, so the
            // peer keeps our routes while we come back (RFC 4724 §4.2)
            fire(Event.Stop.class, new Event.Stop(6, code, reason, false), now);
            scheduleRetry(now);
            return;
        }
        ownDecision = true;
        fire(Event.Error.class, new Event.Error(6, code, reason), now);
        ownDecision = false;
    }

    /** Whether the OPEN we sent on this connection carried the graceful restart capability. */
    private boolean gracefulRestartSent() {
        Open o = sentOpen;
        if (o == null) return neighbor.capabilities().gracefulRestartSeconds() != null;
        for (var c : o.capabilities()) if (c instanceof org.jexabgp.wire.capability.GracefulRestart) return true;
        return false;
    }

    /** A connection to this peer is up (ours, or an incoming one matched to it). */
    public void tcpUp(long now, IpAddress local, IpAddress remote) {
        connected = true;
        localAddress = local;
        remoteAddress = remote;
        receivedOpen = null;
        openDeferred = false;
        inStart = inEnd = 0;
        out.clear();
        outOffset = 0;
        listener.connected();
        fire(Event.TcpUp.class, new Event.TcpUp(), now);
    }

    public void tcpDown(long now, String reason) {
        boolean wasUp = connected;
        connected = false;
        // json.md §4.1: a session lost on the network is "closing connection"; a failed attempt keeps its reason
        fire(Event.TcpDown.class, new Event.TcpDown(wasUp ? "closing connection" : reason), now);
    }

    /** Bytes received and not yet handled: engines stop reading the connection while there are many (issue 6). */
    public int bufferedInput() {
        return inEnd - inStart;
    }

    /** Appends received bytes; they are framed and handled in the next {@link #run}. */
    public void received(byte[] data, int offset, int length) {
        if (inEnd + length > in.length) {
            System.arraycopy(in, inStart, in, 0, inEnd - inStart);
            inEnd -= inStart;
            inStart = 0;
            if (inEnd + length > in.length) in = java.util.Arrays.copyOf(in, Math.max(in.length * 2, inEnd + length));
        }
        System.arraycopy(data, offset, in, inEnd, length);
        inEnd += length;
    }

    /** Asks for an End-of-RIB for this family (API {@code announce eor}), sent after pending routes. */
    public void requestEndOfRib(Family family) {
        eorRequested.add(family);
    }

    /** Queues a ROUTE-REFRESH request for the family (API {@code announce route-refresh}). */
    public void requestRouteRefresh(Family family) {
        Negotiated n = negotiated;
        if (n == null || state != State.ESTABLISHED) return;
        queue(new RouteRefresh(family, RouteRefresh.REQUEST), n);
    }

    /** Queues an OPERATIONAL message (API {@code announce operational}, wire.md §11); dropped unless established. */
    public void sendOperational(org.jexabgp.wire.message.Operational message) {
        Negotiated n = negotiated;
        if (n == null || state != State.ESTABLISHED) return;
        queue(message, n);
    }

    /** Re-sends the whole Adj-RIB-Out (API {@code flush adj-rib out}), framed by BoRR/EoRR when configured. */
    public void flushAdjRibOut() {
        Negotiated n = negotiated;
        if (n == null) return;
        boolean enhanced = neighbor.capabilities().routeRefresh();
        packFrozen(n);
        if (enhanced) for (Family f : n.families()) queue(new RouteRefresh(f, RouteRefresh.BEGIN), n);
        rib.resendAll();
        drainRib(n, true);
        if (enhanced) for (Family f : n.families()) queue(new RouteRefresh(f, RouteRefresh.END), n);
    }

    // ---- the turn ----

    /** Due timers, then up to a bounded number of received messages, then the next UPDATE batch. */
    public void run(long now) {
        lastNow = now;
        if (now >= retryDeadline) {
            retryDeadline = NEVER;
            if (!stopped) fire(Event.RetryDue.class, new Event.RetryDue(), now);
        }
        if (now >= keepaliveDeadline) {
            keepaliveDeadline = NEVER;
            fire(Event.KeepaliveDue.class, new Event.KeepaliveDue(), now);
        }
        // RFC 4271 §6.5: the hold timer restarts when a message is received; one that arrived while the loop was busy
        // elsewhere (a flood of commands, a slow turn) counts, so the messages waiting are read before it is checked
        for (int i = 0; i < MESSAGES_PER_RUN && connected && frameOne(now); i++) {
            // one message handled per iteration
        }
        if (now >= holdDeadline && !(connected && completeMessageBuffered())) {
            holdDeadline = NEVER;
            fire(Event.HoldExpired.class, new Event.HoldExpired(), now);
        }
        Negotiated n = negotiated;
        if (state == State.ESTABLISHED && n != null) {
            // ExaBGP turns withdrawals on only once a first generation pass has run (wire.md §9.6): with an empty
            // RIB at establishment, the first changes to arrive are that pass. The first batch waits until the peer
            // has spoken or a moment has passed (firstUpdateAt); the End-of-RIB waits with it, and goes once all of
            // the Adj-RIB-Out is queued (behind it: the queue keeps its order).
            if (outputLow() && rib.hasPending() && now >= firstUpdateAt && !rib.drainDeferred()) {
                drainRib(n, !firstBatch, DRAIN_BYTES);
                firstBatch = false;
            }
            if (!eorSent && !rib.hasPending()) {
                eorSent = true;
                if (!neighbor.manualEor()) {
                    if (n.families().isEmpty()) queue(Keepalive.INSTANCE, n);
                    for (Family f : n.families()) queueEor(f, n);
                }
            }
        }
        if (state == State.ESTABLISHED && n != null && eorSent && !eorRequested.isEmpty() && !rib.hasPending()) {
            for (Family f : eorRequested) queueEor(f, n);
            eorRequested.clear();
        }
    }

    /** The earliest time {@link #run} has something to do, or Long.MAX_VALUE. */
    public long nextDeadline() {
        long next = Math.min(holdDeadline, Math.min(keepaliveDeadline, retryDeadline));
        if (connected && completeMessageBuffered()) return lastNow; // a whole message waits (not a partial one)
        if (state == State.ESTABLISHED && outputLow() && rib.hasPending())
            return Math.min(next, Math.max(lastNow, firstUpdateAt));
        if (state == State.ESTABLISHED && !eorSent && !rib.hasPending()) return lastNow;
        return next;
    }

    /**
     * Whether the next UPDATE batch (or the End-of-RIB) may be queued: at most one message still waits. Batches are
     * queued as the previous ones leave, so that what waits stays near {@link #DRAIN_BYTES}; the one message allowed
     * is what the session queues itself, the KEEPALIVE confirming the peer's OPEN above all: the first UPDATEs then
     * leave with it, in one write, not a turn later (issue 9: 200 sessions coming up took a turn and 200 writes more).
     */
    private boolean outputLow() {
        return out.size() <= 1;
    }

    private boolean completeMessageBuffered() {
        if (inEnd - inStart < HEADER) return false;
        int length = (in[inStart + 16] & 0xFF) << 8 | (in[inStart + 17] & 0xFF);
        // a bad length is a whole "message" too: the next run answers it with a NOTIFICATION
        return length < HEADER || inEnd - inStart >= length;
    }

    /** Copies the next bytes to send into buf; returns how many (0 when nothing is queued). */
    public int pull(byte[] buf, int offset, int length) {
        int written = 0;
        while (written < length && !out.isEmpty()) {
            byte[] head = out.peekFirst();
            int n = Math.min(length - written, head.length - outOffset);
            System.arraycopy(head, outOffset, buf, offset + written, n);
            written += n;
            outOffset += n;
            if (outOffset == head.length) {
                out.pollFirst();
                outOffset = 0;
            }
        }
        return written;
    }

    /** Whether bytes are queued to send, or UPDATEs a partial drain has still to pack. */
    public boolean hasOutput() {
        return !out.isEmpty() || rib.packing();
    }

    // ---- framing and decoding ----

    /** Handles one complete message if there is one; false when more bytes are needed or the session ended. */
    private boolean frameOne(long now) {
        if (inEnd - inStart < HEADER) return false;
        Negotiated n = negotiatedOrDefault();
        Header header;
        try {
            header = MessageCodec.header(new WireReader(in, inStart, inStart + HEADER), n.messageSize());
        } catch (Malformed m) {
            error(m, now);
            return false;
        }
        int length = header.length();
        if (inEnd - inStart < length) return false;
        byte[] raw = java.util.Arrays.copyOfRange(in, inStart, inStart + length);
        inStart += length;
        if (inStart == inEnd) inStart = inEnd = 0;
        Message message;
        try {
            message = MessageCodec.decode(header.type(), new WireReader(raw, HEADER, length), n);
        } catch (Malformed m) {
            error(m, now);
            return false;
        } catch (RuntimeException bug) {
            // A decoder bug must only cost this session (ARCHITECTURE §6), with the offending bytes in the reason.
            fire(Event.Error.class, new Event.Error(1, 0, "internal error decoding " + java.util.HexFormat.of()
                    .withUpperCase().formatHex(raw) + ": " + bug), now);
            return false;
        }
        if (message instanceof UnknownMessage u) {
            report(message, raw, n);
            Notification no = Notification.cannotDecode(u.type().value());
            fail(no, now);
            return false;
        }
        if (message instanceof RouteUpdate u && u.decoded().verdict() == Verdict.RESET_SESSION) {
            report(message, raw, n);
            fire(Event.Error.class, new Event.Error(3, 1, String.join("; ", u.decoded().problems())), now);
            return false;
        }
        handle(message, raw, n, now);
        return connected;
    }

    private void handle(Message message, byte[] raw, Negotiated n, long now) {
        if (message instanceof Open open) {
            if (state != State.OPENSENT) {
                report(message, raw, n);
                fire(Event.OpenIn.class, new Event.OpenIn(), now);
                return;
            }
            if (openDeferred) {
                // runtime.md §8, local-as auto: now that the peer's ASN is known, ours copies it
                openDeferred = false;
                long peerAs = open.asn4().orElse(open.asn());
                Open ours = OpenFactory.build(neighbor, settings, restarting, peerAs);
                sentOpen = ours;
                queue(ours, Negotiation.beforeOpen(neighbor));
            }
            receivedOpen = open;
            Negotiation.Result result = Negotiation.negotiate(neighbor, sentOpen(), open);
            report(message, raw, result.negotiated() != null ? result.negotiated() : n);
            if (result.error() != null) {
                Malformed m = result.error();
                fire(Event.Error.class, new Event.Error(m.code(), m.subcode(), m.getMessage()), now);
                return;
            }
            negotiated = result.negotiated();
            fire(Event.OpenIn.class, new Event.OpenIn(), now);
            return;
        }
        // the peer has spoken since ESTABLISHED: what it sent at once is now read, our first UPDATE may go
        if (state == State.ESTABLISHED) firstUpdateAt = Math.min(firstUpdateAt, now);
        report(message, raw, n);
        // tests of the type, not a switch on it: such a switch is linked at run time, milliseconds of every start
        if (message instanceof Keepalive) {
            // runtime.md §8 (ExaBGP): with a zero hold time no KEEPALIVE may follow the one confirming the OPEN
            if (state == State.ESTABLISHED && negotiated != null && negotiated.holdTimeSeconds() == 0)
                fire(Event.Error.class, new Event.Error(2, 6,
                        "Negotiated holdtime was zero, it was invalid to send us a keepalive messages"), now);
            else fire(Event.KeepaliveIn.class, new Event.KeepaliveIn(), now);
        } else if (message instanceof Notification no) {
            fire(Event.NotificationIn.class, new Event.NotificationIn(no.code(), no.subcode()), now);
        } else {
            fire(Event.MessageIn.class, new Event.MessageIn(), now);
            if (message instanceof RouteRefresh rr && state == State.ESTABLISHED && rr.subtype() == RouteRefresh.REQUEST)
                answerRefresh(rr, n);
        }
    }

    /** RFC 2918/7313: re-send the family's routes; framed by BoRR/EoRR when enhanced refresh was negotiated. */
    private void answerRefresh(RouteRefresh rr, Negotiated n) {
        Family family = rr.family();
        boolean enhanced = n.refresh() == Negotiated.Refresh.ENHANCED;
        packFrozen(n);
        if (enhanced) queue(new RouteRefresh(family, RouteRefresh.BEGIN), n);
        rib.resend(family);
        drainRib(n, true);
        if (enhanced) queue(new RouteRefresh(family, RouteRefresh.END), n);
    }

    private void error(Malformed m, long now) {
        fail(Notification.of(m), now);
    }

    /** Ends the session with exactly this NOTIFICATION (its data as the decoder built it). */
    private void fail(Notification notification, long now) {
        pendingNotification = notification;
        fire(Event.Error.class, new Event.Error(notification.code(), notification.subcode(), ""), now);
        pendingNotification = null;
    }

    // ---- FSM glue ----

    private <E extends Event> void fire(Class<E> kind, E event, long now) {
        State before = state;
        Step step = Fsm.step(state, event, fsmSettings);
        state = step.next();
        for (Action action : step.actions()) apply(action, event, now);
        if (state != before || event instanceof Event.Start) listener.fsm(state);
    }

    private void apply(Action action, Event event, long now) {
        switch (action.kind()) {
            case CONNECT -> connect(now);
            case SEND_OPEN -> {
                if (neighbor.localAs() == null && neighbor.peerAs() == null) {
                    openDeferred = true; // local-as auto: the peer speaks first (runtime.md §8)
                    return;
                }
                Open open = OpenFactory.build(neighbor, settings, restarting);
                sentOpen = open;
                queue(open, Negotiation.beforeOpen(neighbor));
            }
            case SEND_KEEPALIVE -> {
                if (state == State.ESTABLISHED) queueAhead(Keepalive.INSTANCE, negotiatedOrDefault());
                else queue(Keepalive.INSTANCE, negotiatedOrDefault());
            }
            case SEND_NOTIFICATION -> {
                // A peer's error drops what was queued (the session is broken); our own teardown or shutdown sends
                // what was already decided first, so both engines put the same bytes on the wire whatever they pulled.
                if (!ownDecision) {
                    out.clear();
                    outOffset = 0;
                }
                Notification exact = pendingNotification;
                pendingNotification = null;
                Action.SendNotification s = (Action.SendNotification) action;
                Notification notification = exact != null ? exact : Notification.of(s.code(), s.subcode(), s.reason());
                queue(notification, negotiatedOrDefault());
            }
            case CLOSE -> {
                if (connected) listener.close();
                connected = false;
            }
            case ARM_HOLD -> {
                if (state == State.OPENSENT) holdDeadline = now + settings.openWaitSeconds() * SECOND;
                else {
                    int hold = negotiated != null ? negotiated.holdTimeSeconds() : neighbor.holdTimeSeconds();
                    holdDeadline = hold == 0 ? NEVER : now + hold * SECOND;
                }
            }
            case ARM_KEEPALIVE -> {
                int hold = negotiated != null ? negotiated.holdTimeSeconds() : neighbor.holdTimeSeconds();
                keepaliveDeadline = hold == 0 ? NEVER : now + Math.max(1, hold / 3) * SECOND;
            }
            case DISARM_TIMERS -> holdDeadline = keepaliveDeadline = NEVER;
            case SCHEDULE_RETRY -> scheduleRetry(now);
            case SESSION_UP -> sessionUp();
            case SESSION_DOWN -> sessionDown(((Action.SessionDown) action).reason(), event);
        }
    }

    private void connect(long now) {
        if (settings.attempts() > 0 && attemptsUsed >= settings.attempts()) {
            finish();
            return;
        }
        attemptsUsed++;
        listener.connect();
    }

    private void scheduleRetry(long now) {
        if (stopped) return;
        if (settings.attempts() > 0 && attemptsUsed >= settings.attempts()) {
            finish();
            return;
        }
        retryDeadline = now + backoff.nextSeconds() * SECOND;
    }

    private void finish() {
        if (stopped) return;
        stopped = true;
        retryDeadline = NEVER;
        listener.finished();
    }

    private void sessionUp() {
        up = true;
        backoff.reset();
        restarting = false;
        firstBatch = true;
        firstUpdateAt = lastNow + settings.firstUpdateDelayNanos();
        eorSent = false;
        eorRequested.clear();
        rib.newSession();
        listener.up(negotiatedOrDefault());
    }

    private void sessionDown(String reason, Event event) {
        // a connection that lost a collision before the session came up on it was never a session to programs: the
        // other connection carries on, so no "down" (docs/differences.md; a peer such as FRR or BIRD that connects out
        // too made programs see a down for a session that never went down)
        if (!(collisionLoss && !up)) listener.down(reason);
        up = false;
        negotiated = null;
        sentOpen = null;
        receivedOpen = null;
        openDeferred = false;
        inStart = inEnd = 0;
        // With the connection gone nothing can be sent; otherwise keep what the step queued (its NOTIFICATION).
        if (event instanceof Event.TcpDown) {
            out.clear();
            outOffset = 0;
        }
    }

    // ---- output ----

    private void queue(Message message, Negotiated n) {
        byte[] bytes = MessageCodec.encode(message, n).toArray();
        out.addLast(bytes);
        listener.message(message, false, bytes, n);
        listener.wantsToSend();
    }

    /**
     * Queues a KEEPALIVE ahead of the UPDATEs not yet begun (after the one being written, if any): it carries no state,
     * so it may overtake them, and a large Adj-RIB-Out then never delays it past the peer's hold time (issue 6).
     */
    private void queueAhead(Message message, Negotiated n) {
        byte[] bytes = MessageCodec.encode(message, n).toArray();
        if (outOffset > 0) {
            byte[] head = out.pollFirst();
            out.addFirst(bytes);
            out.addFirst(head);
        } else out.addFirst(bytes);
        listener.message(message, false, bytes, n);
        listener.wantsToSend();
    }

    private void queueEor(Family family, Negotiated n) {
        byte[] bytes = frame(2, UpdateCodec.encodeEndOfRib(family));
        out.addLast(bytes);
        if (listener.wantsCopies(2, false)) report(bytes, n, false);
        listener.wantsToSend();
    }

    private void drainRib(Negotiated n, boolean includeWithdrawals) {
        drainRib(n, includeWithdrawals, Long.MAX_VALUE);
    }

    /** Queues UPDATEs from the Adj-RIB-Out: at least {@code bytes} of them when it has that many, the rest later. */
    private void drainRib(Negotiated n, boolean includeWithdrawals, long bytes) {
        UpdateSink sink = queueing(n);
        PackingOptions options = new PackingOptions(neighbor.groupUpdates());
        if (bytes == Long.MAX_VALUE) rib.drain(n, options, includeWithdrawals, sink);
        else rib.drain(n, options, includeWithdrawals, sink, bytes);
        if (!out.isEmpty()) listener.wantsToSend();
    }

    /**
     * Queues what a partial drain left to pack: a route refresh's or a flush's Begin-of-RIB marker goes after every
     * UPDATE already due, as it would after one whole drain.
     */
    private void packFrozen(Negotiated n) {
        if (!rib.packing()) return;
        rib.packFrozen(n, queueing(n));
        if (!out.isEmpty()) listener.wantsToSend();
    }

    private UpdateSink queueing(Negotiated n) {
        return (message, length) -> {
            byte[] copy = java.util.Arrays.copyOf(message, length);
            out.addLast(copy);
            if (listener.wantsCopies(2, false)) report(copy, n, false);
        };
    }

    /** Reports one of our own UPDATEs by decoding it again: only done when a program asked for send copies. */
    private void report(byte[] bytes, Negotiated n, boolean received) {
        try {
            Message m = MessageCodec.decode(MessageType.UPDATE, new WireReader(bytes, HEADER, bytes.length), n);
            listener.message(m, received, bytes, n);
        } catch (Malformed e) {
            // what the configuration asked for may be beyond our own decoder's rules: never a reason to stop
            listener.uncopied(bytes, e.getMessage());
        }
    }

    private void report(Message message, byte[] raw, Negotiated n) {
        listener.message(message, true, raw, n);
    }

    private static byte[] frame(int type, org.jexabgp.wire.Bytes body) {
        byte[] out = new byte[HEADER + body.length()];
        java.util.Arrays.fill(out, 0, 16, (byte) 0xFF);
        out[16] = (byte) (out.length >>> 8);
        out[17] = (byte) out.length;
        out[18] = (byte) type;
        body.copyTo(out, HEADER);
        return out;
    }

    private Open sentOpen() {
        Open o = sentOpen;
        if (o == null) throw new IllegalStateException("OPEN received before ours was sent");
        return o;
    }

    private Negotiated negotiatedOrDefault() {
        Negotiated n = negotiated;
        return n != null ? n : Negotiation.beforeOpen(neighbor);
    }
}
