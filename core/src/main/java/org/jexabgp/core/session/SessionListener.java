package org.jexabgp.core.session;

import org.jexabgp.core.fsm.State;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.message.Message;

/** What a {@link PeerSession} reports to its owner (the reactor), synchronously, inside a turn. */
public interface SessionListener {
    /** Open a TCP connection to the peer. */
    void connect();

    /** Close the current TCP connection once everything queued for it was written. */
    void close();

    /** There are bytes to pull. */
    void wantsToSend();

    /** Every FSM state change, repeated states included (json.md §4.2). */
    void fsm(State state);

    /** TCP is up (json.md §4.1 {@code connected}). */
    void connected();

    /** The session is ESTABLISHED. */
    void up(Negotiated negotiated);

    /** The session left OPENSENT/OPENCONFIRM/ESTABLISHED. */
    void down(String reason);

    /** A message was received (header and body as read) or queued for sending. */
    void message(Message message, boolean received, byte[] raw, Negotiated negotiated);

    /** Whether anyone wants copies of messages of this type and direction (saves decoding our own UPDATEs). */
    boolean wantsCopies(int messageType, boolean received);

    /**
     * One of our own UPDATEs could not be decoded again for its copy (a generic attribute whose flags contradict its
     * code, say): the message was sent as configured, only its copy is missing.
     */
    default void uncopied(byte[] message, String reason) {}

    /** The peer will never connect again (connection attempts used up). */
    void finished();
}
