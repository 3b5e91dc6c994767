package org.jexabgp.reactor;

import org.jexabgp.reactor.json.Direction;
import org.jexabgp.reactor.json.EventNeighbor;
import org.jexabgp.reactor.json.JsonDialect;
import org.jexabgp.reactor.json.JsonEncoder;
import org.jexabgp.reactor.json.MessageForm;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.message.Message;
import org.jspecify.annotations.Nullable;

/** Events for {@code encoder json} programs. */
final class JsonFormat implements EventFormat {
    private final JsonEncoder encoder;

    /** One encoder, so one rendering per event whatever the number of programs reading it (json.md §2). */
    JsonFormat(EventContext context, JsonDialect dialect) {
        this.encoder = new JsonEncoder(context, dialect);
    }

    static EventNeighbor neighbor(Who who) {
        return new EventNeighbor(who.localAddress(), who.peerAddress(), who.localAs(), who.peerAs());
    }

    static MessageForm form(Form form) {
        return switch (form) {
            case PARSED -> MessageForm.PARSED;
            case PACKETS -> MessageForm.PACKETS;
            case CONSOLIDATE -> MessageForm.CONSOLIDATE;
        };
    }

    @Override
    public String state(Who who, long counter, String state, @Nullable String reason) {
        return encoder.state(neighbor(who), counter, state, reason);
    }

    @Override
    public String fsm(Who who, long counter, String state) {
        return encoder.fsm(neighbor(who), counter, state);
    }

    @Override
    public String signal(Who who, long counter, String name, int number) {
        return encoder.signal(neighbor(who), counter, name, number);
    }

    @Override
    public String negotiated(Who who, long counter, Negotiated negotiated) {
        return encoder.negotiated(neighbor(who), counter, negotiated);
    }

    @Override
    public String message(Who who, long counter, Message message, boolean received, byte[] raw, Form form,
            Negotiated session, boolean showNegotiated) {
        return encoder.message(neighbor(who), counter, message, Direction.of(received), Bytes.of(raw), form(form),
                session, showNegotiated);
    }

    @Override
    public String shutdown() {
        return encoder.shutdown();
    }
}
