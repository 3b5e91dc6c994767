package org.jexabgp.wire.message;

import org.jexabgp.wire.Bytes;

/**
 * ExaBGP's OPERATIONAL message (type 6, wire.md §11), kept raw for now: {@code what(2) length(2)} and the body.
 */
public record Operational(Bytes body) implements Message {
    @Override
    public MessageType type() {
        return MessageType.OPERATIONAL;
    }
}
