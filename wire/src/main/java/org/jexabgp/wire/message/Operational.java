package org.jexabgp.wire.message;

import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Malformed;
import org.jspecify.annotations.Nullable;

/**
 * ExaBGP's OPERATIONAL message (type 6, wire.md §11, draft-ietf-idr-operational-message). The body is kept as received
 * ({@code type(2) length(2)} and the data) so that unknown types still round-trip; {@link #content()} reads it.
 */
public record Operational(Bytes body) implements Message {
    public static Operational of(OperationalContent content) {
        return new Operational(content.encode());
    }

    @Override
    public MessageType type() {
        return MessageType.OPERATIONAL;
    }

    /** The decoded body, or null when the type is unknown or the body malformed (it is then shown raw). */
    public @Nullable OperationalContent content() {
        try {
            return OperationalContent.decode(body);
        } catch (Malformed e) {
            return null;
        }
    }
}
