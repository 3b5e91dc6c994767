package org.jexabgp.wire.message;

import org.jexabgp.wire.Bytes;

/**
 * A message of a type we do not know, kept raw. ExaBGP answers it with NOTIFICATION 1/0 (wire.md §1, verified by
 * {@code qa/encoding/unknown-message}); {@link #notification()} builds that answer.
 */
public record UnknownMessage(int code, Bytes body) implements Message {
    public UnknownMessage {
        if (code < 0 || code > 255) throw new IllegalArgumentException("message type " + code);
    }

    @Override
    public MessageType type() {
        return MessageType.of(code);
    }

    /** The NOTIFICATION ExaBGP sends on receiving it. */
    public Notification notification() {
        return Notification.cannotDecode(code);
    }
}
