package org.jexabgp.wire.message;

import java.util.Arrays;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.Truncated;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;

/** Message framing (RFC 4271 §4.1, wire.md §1): header checks, body decoding by type, and whole-message encoding. */
public final class MessageCodec {
    public static final int MARKER_LENGTH = 16;
    public static final int HEADER_LENGTH = 19;

    private MessageCodec() {}

    /**
     * Reads and checks a 19-byte header before its body is read, as ExaBGP: marker, then the length against 19 and the
     * negotiated maximum (4096, or 65535 with extended message, RFC 8654), then the length each type needs (RFC 4271
     * §6.1). The type itself is not checked here: an unknown type is answered after decoding (wire.md §1).
     *
     * @param maxSize {@link Negotiated#messageSize()}, or 4096 before the OPEN exchange
     */
    public static Header header(WireReader in, int maxSize) throws Malformed {
        for (int i = 0; i < MARKER_LENGTH; i++) {
            // RFC 4271 §6.1: a marker that is not all ones is "Connection Not Synchronized"
            if (in.u8() != 0xFF) throw new Malformed(1, 1, "the packet received does not contain a BGP marker");
        }
        int length = in.u16();
        MessageType type = MessageType.of(in.u8());
        if (length < HEADER_LENGTH || length > maxSize || !lengthFits(type, length)) throw badLength(type, length);
        return new Header(length, type);
    }

    /** RFC 4271 §4.2–4.4, RFC 2918 §3: the smallest (or exact) length of each message type. */
    private static boolean lengthFits(MessageType type, int length) {
        return switch (type.value()) {
            case 1 -> length >= 29;
            case 2 -> length >= 23;
            case 3 -> length >= 21;
            case 4 -> length == 19;
            case 5 -> length == 23;
            default -> true;
        };
    }

    /** RFC 4271 §6.1: Bad Message Length, its data the erroneous length field; ExaBGP's text as reason. */
    private static Malformed badLength(MessageType type, int length) {
        Bytes data = Bytes.of((byte) (length >>> 8), (byte) length);
        return new Malformed(1, 2, data, type.headerName() + " has an invalid message length of " + length);
    }

    /**
     * Decodes a message body of the given type. A body that ends too early (or any other structural error that is
     * not a more specific NOTIFICATION) becomes ExaBGP's 1/0 {@code can not decode update message of type "<n>"}.
     */
    public static Message decode(MessageType type, WireReader body, Negotiated session) throws Malformed {
        try {
            return switch (type.value()) {
                case 1 -> Open.decode(body);
                case 2 -> RouteUpdate.decode(body, session);
                case 3 -> Notification.decode(body);
                case 4 -> {
                    if (body.hasRemaining()) throw badLength(type, HEADER_LENGTH + body.remaining());
                    yield Keepalive.INSTANCE;
                }
                case 5 -> RouteRefresh.decode(body);
                case 6 -> new Operational(body.rest());
                default -> new UnknownMessage(type.value(), body.rest());
            };
        } catch (Truncated e) {
            Notification n = Notification.cannotDecode(type.value());
            throw new Malformed(n.code(), n.subcode(), n.data(), e.getMessage() + " (" + type.headerName() + ")");
        }
    }

    /** Checks the header and decodes one whole message held in {@code message} (exactly one message). */
    public static Message decode(Bytes message, Negotiated session) throws Malformed {
        WireReader in = message.reader();
        Header h = header(in, session.messageSize());
        if (h.length() != message.length()) throw badLength(h.type(), message.length());
        return decode(h.type(), in, session);
    }

    /** Writes the whole message: marker, length, type, body. */
    public static void encode(Message message, Negotiated session, WireWriter out) {
        int start = out.length();
        for (int i = 0; i < MARKER_LENGTH; i++) out.u8(0xFF);
        out.u16(0).u8(message.type().value());
        // Tests of the type rather than a switch on it: such a switch is linked at run time by a bootstrap that
        // generates a class, milliseconds of every start (issue 9). A KEEPALIVE has no body.
        if (message instanceof RouteUpdate u) u.encode(out, session);
        else if (message instanceof Open o) o.encode(out);
        else if (message instanceof Notification n) n.encode(out);
        else if (message instanceof RouteRefresh r) r.encode(out);
        else if (message instanceof Operational op) out.bytes(op.body());
        else if (message instanceof UnknownMessage u) out.bytes(u.body());
        else if (!(message instanceof Keepalive)) throw new IllegalArgumentException("no encoding for " + message);
        int length = out.length() - start;
        if (length > Negotiated.EXTENDED_SIZE) throw new IllegalArgumentException("message too long: " + length);
        out.setU16(start + MARKER_LENGTH, length);
    }

    public static Bytes encode(Message message, Negotiated session) {
        WireWriter out = new WireWriter();
        encode(message, session, out);
        return out.toBytes();
    }

    /** The 19-byte header of an encoded message (for the packets form of events, json.md §6). */
    public static Bytes headerOf(Bytes message) {
        return Bytes.of(Arrays.copyOf(message.toArray(), HEADER_LENGTH));
    }

    /** The body of an encoded message. */
    public static Bytes bodyOf(Bytes message) {
        byte[] all = message.toArray();
        return Bytes.of(all, HEADER_LENGTH, all.length - HEADER_LENGTH);
    }
}
