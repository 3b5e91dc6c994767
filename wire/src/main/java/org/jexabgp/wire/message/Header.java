package org.jexabgp.wire.message;

/** A checked message header (RFC 4271 §4.1): the total length, header included, and the type. */
public record Header(int length, MessageType type) {
    public Header {
        if (length < MessageCodec.HEADER_LENGTH || length > 0xFFFF)
            throw new IllegalArgumentException("message length " + length);
    }

    public int bodyLength() {
        return length - MessageCodec.HEADER_LENGTH;
    }
}
