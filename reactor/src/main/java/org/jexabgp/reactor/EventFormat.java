package org.jexabgp.reactor;

import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.message.Message;
import org.jspecify.annotations.Nullable;

/**
 * How events are written for one encoder ({@code json} or {@code text}, json.md). Each method returns the line(s) to
 * write, without the final newline, or null when this encoder has nothing for the event.
 */
interface EventFormat {
    /** The neighbour as events show it. */
    record Who(String localAddress, String peerAddress, long localAs, long peerAs) {}

    @Nullable String state(Who who, long counter, String state, @Nullable String reason);

    @Nullable String fsm(Who who, long counter, String state);

    @Nullable String signal(Who who, long counter, String name, int number);

    @Nullable String negotiated(Who who, long counter, Negotiated negotiated);

    /**
     * A copy of a message. {@code form} says which of parsed/packets/consolidate to write; the negotiated block is
     * appended when showNegotiated.
     */
    @Nullable String message(
            Who who, long counter, Message message, boolean received, byte[] raw, Form form, Negotiated session,
            boolean showNegotiated);

    /** The shutdown notice sent to every program when the daemon stops. */
    String shutdown();

    enum Form {
        PARSED,
        PACKETS,
        CONSOLIDATE
    }
}
