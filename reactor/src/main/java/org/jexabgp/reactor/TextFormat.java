package org.jexabgp.reactor;

import org.jexabgp.reactor.json.Direction;
import org.jexabgp.reactor.text.TextEncoder;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.message.Message;
import org.jspecify.annotations.Nullable;

/**
 * Events for {@code encoder text} programs. Text events end with a newline and the writer adds one more, so programs
 * see a blank line after each (json.md §8); the encoder's strings carry the first, {@link Processes} the second.
 */
final class TextFormat implements EventFormat {
    private final TextEncoder encoder;

    TextFormat(EventContext context) {
        this.encoder = new TextEncoder(context.pid(), context.ppid());
    }

    @Override
    public String state(Who who, long counter, String state, @Nullable String reason) {
        return encoder.state(JsonFormat.neighbor(who), state, reason);
    }

    @Override
    public @Nullable String fsm(Who who, long counter, String state) {
        return encoder.silent();
    }

    @Override
    public @Nullable String signal(Who who, long counter, String name, int number) {
        return encoder.silent();
    }

    @Override
    public @Nullable String negotiated(Who who, long counter, Negotiated negotiated) {
        return encoder.silent();
    }

    @Override
    public String message(Who who, long counter, Message message, boolean received, byte[] raw, Form form,
            Negotiated session, boolean showNegotiated) {
        return encoder.message(JsonFormat.neighbor(who), message, Direction.of(received), Bytes.of(raw),
                JsonFormat.form(form));
    }

    @Override
    public String shutdown() {
        return encoder.shutdown();
    }
}
